package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.burst.BurstOutcome;
import java.time.Duration;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a burst did: how many requests were accepted, throttled or failed, the statuses, the latencies in
 * virtual time (the stack's clock), and every request. Immutable. {@link #toString()} is a one-line
 * summary for failure messages.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BurstResult {

    private final String description;
    private final List<BurstRequest> requests;
    private final BitSet throttled;
    private final Duration elapsed;
    private final Map<Integer, Integer> countsByStatus;
    private final Duration[] latencies;

    BurstResult(BurstOutcome outcome) {
        this.description = outcome.description();
        this.requests = List.copyOf(outcome.requests());
        this.throttled = (BitSet) outcome.throttled().clone();
        this.elapsed = outcome.elapsed();
        Map<Integer, Integer> counts = new TreeMap<>();
        requests.forEach(request -> counts.merge(request.status(), 1, Integer::sum));
        this.countsByStatus = Collections.unmodifiableMap(counts);
        this.latencies = requests.stream().filter(request -> request.status() != 0).map(BurstRequest::latency)
                .sorted().toArray(Duration[]::new);
    }

    /** How many requests were sent. */
    public int total() {
        return requests.size();
    }

    /** How many were answered with a 2xx status. */
    public int accepted() {
        return (int) requests.stream().filter(request -> request.status() / 100 == 2).count();
    }

    /** How many were throttled: 429, or the service's throttling error (SQS: {@code RequestThrottled}). */
    public int throttled() {
        return throttled.cardinality();
    }

    /** How many were neither accepted nor throttled: other statuses, and requests that got no answer (status 0). */
    public int failed() {
        return total() - accepted() - throttled();
    }

    /** How many requests got each status, sorted by status; 0 counts those that got no answer. */
    public Map<Integer, Integer> countsByStatus() {
        return countsByStatus;
    }

    /**
     * The latency at or below which {@code percentile} per cent of the answered requests were answered (the
     * nearest rank), in virtual time; zero when none was answered.
     *
     * @param percentile in (0, 100], e.g. 99.9
     * @throws IllegalArgumentException if the percentile is outside (0, 100]
     */
    public Duration latencyPercentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + percentile);
        }
        if (latencies.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percentile / 100 * latencies.length);
        return latencies[Math.max(rank, 1) - 1];
    }

    /** The median latency. */
    public Duration p50() {
        return latencyPercentile(50);
    }

    /** The 95th percentile of the latencies. */
    public Duration p95() {
        return latencyPercentile(95);
    }

    /** The 99th percentile of the latencies. */
    public Duration p99() {
        return latencyPercentile(99);
    }

    /** The longest latency. */
    public Duration maxLatency() {
        return latencyPercentile(100);
    }

    /** Every request, in send order. */
    public List<BurstRequest> requests() {
        return requests;
    }

    /** Virtual time from the first arrival to the last answer. */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * E.g. {@code burst POST /orders on shop: 1000 requests, 149 accepted, 851 throttled, 0 failed; statuses
     * {200=149, 429=851}; latency p50 0ms, p99 0ms, max 0ms; elapsed 999ms}.
     */
    @Override
    public String toString() {
        return "burst " + description + ": " + total() + " requests, " + accepted() + " accepted, " + throttled()
                + " throttled, " + failed() + " failed; statuses " + countsByStatus + "; latency p50 "
                + text(p50()) + ", p99 " + text(p99()) + ", max " + text(maxLatency()) + "; elapsed " + text(elapsed);
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 ? millis + "ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
