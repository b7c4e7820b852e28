package dev.simstack.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scaling advice read from a run's {@link ScalingFigures}: whether the worker keeps up with the queue, the stage
 * throttle that would have accepted the observed traffic, a reserved concurrency for the worker and its batch
 * size. Each piece names the figures it is read from. A pure function of the figures, so it is tested on figures.
 */
final class ScalingAdvice {

    /** Headroom over the concurrency Little's law gives, for arrivals that bunch up. */
    static final double HEADROOM = 2.0;
    /** The batching window the batch advice proposes, in seconds. */
    static final int BATCHING_WINDOW_SECONDS = 5;
    /** The width the advice's text is wrapped at, after its topic column. */
    static final int WIDTH = 90;

    private ScalingAdvice() {
    }

    /**
     * One piece of advice.
     *
     * @param topic what it is about
     * @param text the advice, with the figures it is read from
     */
    record Advice(String topic, String text) {
    }

    static List<Advice> of(ScalingFigures f) {
        List<Advice> advice = new ArrayList<>();
        advice.add(new Advice("queue", queue(f)));
        advice.add(new Advice("stage throttle", stage(f)));
        advice.add(new Advice("worker concurrency", concurrency(f)));
        advice.add(new Advice("batch size", batch(f)));
        return List.copyOf(advice);
    }

    static String text(List<Advice> advice) {
        StringBuilder out = new StringBuilder();
        for (Advice piece : advice) {
            List<String> lines = new ArrayList<>();
            piece.text().lines().forEach(paragraph -> lines.addAll(wrap(paragraph, WIDTH)));
            for (int i = 0; i < lines.size(); i++) {
                out.append(String.format(Locale.ROOT, "  %-19s %s%n", i == 0 ? piece.topic() : "", lines.get(i)));
            }
        }
        return out.toString();
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static String queue(ScalingFigures f) {
        double seconds = seconds(f.window().toMillis());
        double arrivalRate = f.accepted() / seconds;
        long backlog = Math.max(0, f.accepted() - f.deletedByBurstEnd());
        String read = String.format(Locale.ROOT, "%d accepted over %s (%.2f/s), %d deleted by the burst's end, peak "
                + "depth %d, drained %s after it", f.accepted(), RunSummary.human(f.window()), arrivalRate,
                f.deletedByBurstEnd(), f.peakQueueDepth(), RunSummary.human(f.drainTime()));
        if (backlog <= (long) f.batchSize() * Math.max(1, f.mappingMaxConcurrency())) {
            return "the worker keeps up: at most one round of batches (" + f.batchSize() + " x "
                    + f.mappingMaxConcurrency() + ") was left when the burst ended.\n(" + read + ")";
        }
        return String.format(Locale.ROOT, "the worker falls behind: the queue grew by %.2f messages/s during the"
                + " burst (%d left when it ended); raise the mapping's MaximumConcurrency (%d) or make the handler"
                + " faster.%n(%s)", backlog / seconds, backlog, f.mappingMaxConcurrency(), read);
    }

    static String stage(ScalingFigures f) {
        int sent = f.arrivals().size();
        int peakSecond = peakIn(f.arrivals(), 1000);
        double peakTenSeconds = peakIn(f.arrivals(), 10_000) / 10.0;
        long rate = Math.max(1, (long) Math.ceil(peakTenSeconds));
        long burst = Math.max(rate, burstNeeded(f.arrivals(), rate));
        String read = String.format(Locale.ROOT, "%d of %d refused (%s) at rate %s/s, burst %d; peak %d in one "
                + "second, %.1f/s over ten seconds", f.throttled(), sent, percent(f.throttled(), sent),
                number(f.stageRate()), f.stageBurst(), peakSecond, peakTenSeconds);
        if (f.throttled() == 0) {
            return "the stage accepted every request; its throttle has room.\n(" + read + ")";
        }
        return String.format(Locale.ROOT, "a stage of rate %d/s and burst %d would have accepted all %d requests "
                + "(the token bucket replayed on the observed arrivals); keep 429s if they are the backpressure you "
                + "want.%n(%s)", rate, burst, sent, read);
    }

    static String concurrency(ScalingFigures f) {
        double spanSeconds = Math.max(0.001, seconds(f.invocationSpan().toMillis()));
        double arrivalRate = f.invocations() / spanSeconds;
        double meanSeconds = f.meanInvocation().toNanos() / 1e9;
        double littles = arrivalRate * meanSeconds;
        long suggested = Math.max(Math.max(f.peakConcurrency(), f.mappingMaxConcurrency()),
                (long) Math.ceil(littles * HEADROOM));
        return String.format(Locale.ROOT, "reserve %d for the worker: Little's law gives %.3f running on average"
                + " (%.3f invocations/s x %s mean duration), x%.0f headroom is %d; the peak was %d; at least the"
                + " mapping's MaximumConcurrency %d, below which the mapping's invocations would be throttled and"
                + " their messages come back.", suggested, littles, arrivalRate, millis(meanSeconds), HEADROOM,
                (long) Math.ceil(littles * HEADROOM), f.peakConcurrency(), f.mappingMaxConcurrency());
    }

    static String batch(ScalingFigures f) {
        double arrivalRate = f.accepted() / seconds(f.window().toMillis());
        String read = String.format(Locale.ROOT, "%.1f messages per invocation of batch size %d, %d invocations",
                f.meanBatch(), f.batchSize(), f.invocations());
        if (f.meanBatch() >= 0.8 * f.batchSize()) {
            return "batches are full: raise BatchSize to " + 2 * f.batchSize() + " (with a batching window) to take "
                    + "more per invocation, or raise MaximumConcurrency.\n(" + read + ")";
        }
        double perBatch = Math.min(f.batchSize(), Math.max(f.meanBatch(), arrivalRate * BATCHING_WINDOW_SECONDS));
        return String.format(Locale.ROOT, "batches are not the limit (%s); keep BatchSize %d. A"
                + " MaximumBatchingWindowInSeconds of %d would carry about %.1f per invocation at %.2f orders/s:"
                + " %.1fx fewer invocations and SQS requests, for up to %d s more latency.", read, f.batchSize(),
                BATCHING_WINDOW_SECONDS, perBatch, arrivalRate, perBatch / Math.max(1, f.meanBatch()),
                BATCHING_WINDOW_SECONDS);
    }

    /** The most arrivals within any {@code spanMillis} (a sliding window). */
    static int peakIn(List<Long> arrivals, long spanMillis) {
        int peak = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last) - arrivals.get(first) >= spanMillis) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }

    /**
     * The smallest burst with which a token bucket of {@code rate} accepts every arrival: the largest debt of
     * tokens over the arrivals, each taking one while the bucket refills at the rate (Lindley's recursion).
     */
    static long burstNeeded(List<Long> arrivals, double rate) {
        double debt = 0;
        double peak = 0;
        long previous = arrivals.isEmpty() ? 0 : arrivals.get(0);
        for (long at : arrivals) {
            debt = Math.max(0, debt - rate * (at - previous) / 1000.0) + 1;
            peak = Math.max(peak, debt);
            previous = at;
        }
        return (long) Math.ceil(peak - 1e-9);
    }

    private static double seconds(long millis) {
        return Math.max(1, millis) / 1000.0;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }
}
