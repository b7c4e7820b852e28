package dev.simstack.core.internal.report;

/**
 * One row of the timeline: what happened to one resource (or one service's requests) per time bucket, counted
 * by category (sent, delivered, deleted, to the DLQ; success, error, throttled; ...), each with its colour.
 */
final class Lane {

    private final String group;
    private final String name;
    private final String colour;
    private final String[] categories;
    private final String[] colours;
    private final int[][] counts;
    private final long[] totals;

    Lane(String group, String name, String colour, String[] categories, String[] colours) {
        this.group = group;
        this.name = name;
        this.colour = colour;
        this.categories = categories;
        this.colours = colours;
        this.counts = new int[categories.length][TimeAxis.BUCKETS];
        this.totals = new long[categories.length];
    }

    void count(int category, int bucket) {
        counts[category][bucket]++;
        totals[category]++;
    }

    String group() {
        return group;
    }

    String name() {
        return name;
    }

    String colour() {
        return colour;
    }

    String[] categories() {
        return categories;
    }

    String[] colours() {
        return colours;
    }

    int at(int category, int bucket) {
        return counts[category][bucket];
    }

    long total(int category) {
        return totals[category];
    }

    /** Everything counted in one bucket. */
    int bucketTotal(int bucket) {
        int sum = 0;
        for (int[] category : counts) {
            sum += category[bucket];
        }
        return sum;
    }
}
