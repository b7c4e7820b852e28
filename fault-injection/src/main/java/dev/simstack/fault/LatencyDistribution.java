package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.SimRandom;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How long a {@link FaultRule} delays a call: a fixed delay, one drawn uniformly between two bounds, or one drawn
 * from percentiles ({@code p50: 20ms, p99: 400ms}), linearly interpolated between them. Draws come from the rule's
 * random stream for the call's resource, so a seed replays the same delays.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LatencyDistribution {

    /** Percentile (0 to 100) to delay in nanoseconds; a fixed delay is the single point 100. */
    private final NavigableMap<Double, Long> points;
    private final String text;

    private LatencyDistribution(NavigableMap<Double, Long> points, String text) {
        this.points = points;
        this.text = text;
    }

    /**
     * Always {@code delay}.
     *
     * @param delay the delay, not negative
     * @return the distribution
     */
    public static LatencyDistribution fixed(Duration delay) {
        requireNotNegative(delay);
        TreeMap<Double, Long> points = new TreeMap<>(Map.of(0.0, delay.toNanos(), 100.0, delay.toNanos()));
        return new LatencyDistribution(points, millis(delay));
    }

    /**
     * Uniformly between {@code min} and {@code max}.
     *
     * @param min the shortest delay, not negative
     * @param max the longest delay, at least {@code min}
     * @return the distribution
     * @throws IllegalArgumentException when {@code max} is shorter than {@code min}
     */
    public static LatencyDistribution uniform(Duration min, Duration max) {
        requireNotNegative(min);
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a uniform latency needs min <= max, got " + millis(min) + " and "
                    + millis(max));
        }
        TreeMap<Double, Long> points = new TreeMap<>(Map.of(0.0, min.toNanos(), 100.0, max.toNanos()));
        return new LatencyDistribution(points, "uniform " + millis(min) + ".." + millis(max));
    }

    /**
     * Drawn from percentiles: {@code Map.of(50.0, ofMillis(20), 99.0, ofMillis(400))} delays half the calls by up
     * to 20 ms and 1% by 400 ms; between two percentiles the delay is interpolated linearly, below the lowest
     * from 0 (unless {@code 0.0} is given), above the highest it is the highest.
     *
     * @param percentiles percentile (in (0, 100]) to delay; delays must not shrink as percentiles grow
     * @return the distribution
     * @throws IllegalArgumentException naming the percentile that is out of range or out of order
     */
    public static LatencyDistribution percentiles(Map<Double, Duration> percentiles) {
        if (percentiles.isEmpty()) {
            throw new IllegalArgumentException("a percentile latency needs at least one percentile, e.g. p50: 20ms");
        }
        TreeMap<Double, Long> points = new TreeMap<>();
        percentiles.forEach((percentile, delay) -> {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile p" + percentile + " is not in [0, 100]");
            }
            requireNotNegative(delay);
            points.put(percentile, delay.toNanos());
        });
        points.putIfAbsent(0.0, 0L);
        long previous = -1;
        for (Map.Entry<Double, Long> point : points.entrySet()) {
            if (point.getValue() < previous) {
                throw new IllegalArgumentException("percentile " + name(point.getKey()) + " is shorter than a lower "
                        + "percentile; delays must grow with percentiles");
            }
            previous = point.getValue();
        }
        points.putIfAbsent(100.0, points.lastEntry().getValue());
        String text = percentiles.keySet().stream().sorted()
                .map(p -> name(p) + " " + millis(percentiles.get(p))).collect(Collectors.joining(", "));
        return new LatencyDistribution(points, text);
    }

    /**
     * A distribution as annotations write it: {@code 200ms} (fixed), {@code 10ms..50ms} (uniform) or
     * {@code p50=20ms, p99=400ms} (percentiles; {@code p50 20ms} reads too).
     *
     * @param text the distribution
     * @return the distribution
     * @throws IllegalArgumentException saying which forms there are
     */
    public static LatencyDistribution parse(String text) {
        try {
            if (text.contains("..")) {
                String[] bounds = text.split("\\.\\.", 2);
                return uniform(FaultPlan.parseDuration(bounds[0]), FaultPlan.parseDuration(bounds[1]));
            }
            if (!text.trim().startsWith("p")) {
                return fixed(FaultPlan.parseDuration(text));
            }
            Map<Double, Duration> percentiles = new java.util.LinkedHashMap<>();
            for (String point : text.split(",")) {
                String[] parts = point.trim().substring(1).split("[=\\s:]+", 2);
                percentiles.put(Double.parseDouble(parts[0]), FaultPlan.parseDuration(parts[1]));
            }
            return percentiles(percentiles);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("latency '" + text + "' is not 200ms (fixed), 10ms..50ms (uniform) or "
                    + "p50=20ms, p99=400ms (percentiles): " + e.getMessage(), e);
        }
    }

    /**
     * A delay drawn from {@code random} (one draw, even for a fixed delay, so that kinds do not shift streams
     * differently).
     *
     * @param random the rule's stream
     * @return the delay
     */
    public Duration draw(SimRandom random) {
        double percentile = random.nextDouble() * 100;
        Map.Entry<Double, Long> low = points.floorEntry(percentile);
        Map.Entry<Double, Long> high = points.ceilingEntry(percentile);
        if (high == null || low.getKey().equals(high.getKey())) {
            return Duration.ofNanos(low.getValue());
        }
        double share = (percentile - low.getKey()) / (high.getKey() - low.getKey());
        return Duration.ofNanos(low.getValue() + Math.round(share * (high.getValue() - low.getValue())));
    }

    /**
     * Whether every draw is zero.
     *
     * @return true when the distribution never delays
     */
    public boolean isZero() {
        return points.values().stream().allMatch(nanos -> nanos == 0);
    }

    private static void requireNotNegative(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a latency must not be negative, got " + delay);
        }
    }

    private static String name(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : percentile);
    }

    static String millis(Duration delay) {
        return delay.toNanos() % 1_000_000 == 0 ? delay.toMillis() + "ms" : delay.toNanos() / 1e6 + "ms";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyDistribution that && points.equals(that.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }

    /** E.g. {@code 200ms}, {@code uniform 10ms..50ms} or {@code p50 20ms, p99 400ms}. */
    @Override
    public String toString() {
        return text;
    }
}
