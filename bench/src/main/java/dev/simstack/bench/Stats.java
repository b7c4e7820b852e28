package dev.simstack.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median, p90, p99 and mean of a small sample, by nearest rank. */
final class Stats {

    private final double[] sorted;

    private Stats(double[] sorted) {
        this.sorted = sorted;
    }

    static Stats of(List<Double> sample) {
        double[] values = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("an empty sample has no statistics");
        }
        return new Stats(values);
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double mean() {
        return Arrays.stream(sorted).average().orElseThrow();
    }

    String summary(String unit) {
        return String.format(Locale.ROOT, "median %.1f %s, p90 %.1f %s, min %.1f, max %.1f (n=%d)", median(), unit,
                percentile(90), unit, sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
