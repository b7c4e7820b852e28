package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.SimClock;

/**
 * API Gateway's throttle: "the token bucket algorithm, where a token counts for a request" — a bucket
 * of {@code burst} tokens refilled at {@code rate} per second, on the stack's clock. It starts full.
 */
final class TokenBucket {

    private final double rate;
    private final int burst;
    private final SimClock clock;
    private double tokens;
    private long last;

    TokenBucket(double rate, int burst, SimClock clock) {
        this.rate = rate;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.millis();
    }

    /** Takes a token if there is one. */
    synchronized boolean tryTake() {
        long now = clock.millis();
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * rate / 1000.0);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    double rate() {
        return rate;
    }

    int burst() {
        return burst;
    }
}
