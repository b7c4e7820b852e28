package dev.simstack.core.internal.report;

/**
 * A level over time (a queue's depth, a function's concurrency) kept as its peak per time bucket: a bucket
 * without changes carries the level it started with, so a chart shows plateaus, not gaps.
 */
final class LevelTrack {

    private final int[] peaks = new int[TimeAxis.BUCKETS];
    private int level;
    private int lastBucket = -1;

    /** The level changes by {@code delta} in {@code bucket}. */
    void change(int bucket, int delta) {
        carryTo(bucket);
        level += delta;
        peaks[Math.max(bucket, lastBucket)] = Math.max(peaks[Math.max(bucket, lastBucket)], level);
    }

    int level() {
        return level;
    }

    /** Fills the buckets since the last change with the level they started with. */
    private void carryTo(int bucket) {
        while (lastBucket < bucket) {
            lastBucket++;
            peaks[lastBucket] = level;
        }
    }

    /** The peaks per bucket, the last level carried to the end. */
    double[] peaks() {
        carryTo(TimeAxis.BUCKETS - 1);
        double[] values = new double[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            values[i] = peaks[i];
        }
        return values;
    }
}
