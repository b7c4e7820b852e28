package dev.simstack.core.internal.report;

import dev.simstack.core.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's time span on the stack's clock, cut into equal buckets: charts and the timeline aggregate per
 * bucket, so their size does not grow with the ledger. A run whose entries all share one instant (a manual
 * clock that never moved) still gets a one-second span.
 */
final class TimeAxis {

    static final int BUCKETS = 120;

    private final long startMillis;
    private final long spanMillis;
    private final long lastedMillis;

    private TimeAxis(long startMillis, long spanMillis, long lastedMillis) {
        this.startMillis = startMillis;
        this.spanMillis = spanMillis;
        this.lastedMillis = lastedMillis;
    }

    /** The span from the first to the last instant the entries name (an invocation's start and end too). */
    static TimeAxis of(List<LedgerEntry> entries) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LedgerEntry entry : entries) {
            long at = entry.at().toEpochMilli();
            first = Math.min(first, at);
            last = Math.max(last, at);
            if (entry instanceof LedgerEntry.Invocation run) {
                first = Math.min(first, run.start().toEpochMilli());
                last = Math.max(last, run.end().toEpochMilli());
            }
        }
        if (first == Long.MAX_VALUE) {
            return new TimeAxis(0, 1000, 0);
        }
        return new TimeAxis(first, Math.max(1000, last - first + 1), last - first);
    }

    Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** From the first instant to the last, as it happened (the span is at least a second, for the charts). */
    long lastedMillis() {
        return lastedMillis;
    }

    long spanMillis() {
        return spanMillis;
    }

    /** The bucket of an instant, clamped into the span. */
    int bucket(Instant at) {
        return bucket(at.toEpochMilli());
    }

    int bucket(long epochMillis) {
        long offset = epochMillis - startMillis;
        int index = (int) (offset * BUCKETS / spanMillis);
        return Math.max(0, Math.min(BUCKETS - 1, index));
    }

    /** How long one bucket lasts, in seconds. */
    double bucketSeconds() {
        return spanMillis / 1000.0 / BUCKETS;
    }

    /** Milliseconds since the start of the span. */
    long offset(Instant at) {
        return at.toEpochMilli() - startMillis;
    }

    /** Where offsets fall for tick labels: about {@code target} steps of 1, 2 or 5 times a power of ten. */
    List<Long> ticks(int target) {
        double raw = spanMillis / (double) target;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * power;
            if (step >= raw) {
                break;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (double at = 0; at <= spanMillis; at += step) {
            ticks.add(Math.round(at));
        }
        return ticks;
    }

    /** A tick's label: seconds from the start, with as many decimals as the span needs. */
    String label(long offsetMillis) {
        if (spanMillis >= 20_000) {
            return (offsetMillis / 1000) + " s";
        }
        if (spanMillis >= 2_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", offsetMillis / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.2f s", offsetMillis / 1000.0);
    }
}
