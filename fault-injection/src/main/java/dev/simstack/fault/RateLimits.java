package dev.simstack.fault;

import dev.simstack.core.SimClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets on the stack's clock, one per key (a partition key, a prefix): each holds up to {@code burst}
 * tokens, refills at {@code rate} per second, and a request takes one or is refused. A manual clock that does not
 * move refills nothing, so a burst is refused the same every run.
 */
final class RateLimits {

    private final SimClock clock;
    private final double rate;
    private final double burst;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimits(SimClock clock, double rate, double burst) {
        this.clock = clock;
        this.rate = rate;
        this.burst = burst;
    }

    /** Takes a token from {@code key}'s bucket; false when it has none (the request is over the rate). */
    synchronized boolean take(String key) {
        Instant now = clock.now();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        double elapsed = Math.max(0, now.toEpochMilli() - bucket.refilled.toEpochMilli()) / 1000.0;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * rate);
        bucket.refilled = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    private static final class Bucket {
        private double tokens;
        private Instant refilled;

        Bucket(double tokens, Instant refilled) {
            this.tokens = tokens;
            this.refilled = refilled;
        }
    }
}
