package dev.simstack.junit.internal.burst;

import dev.simstack.junit.Arrivals;
import java.time.Duration;
import java.util.Random;

/** When each request of a burst arrives, as offsets in nanoseconds from the burst's start. */
final class ArrivalSchedule {

    /** Keeps the arrival draws apart from the body generator's, which also start from the stack's seed. */
    private static final long ARRIVALS_STREAM = 0x41525249564C53L;

    private ArrivalSchedule() {
    }

    static long[] offsets(int requests, Duration span, Arrivals arrivals, long seed) {
        long[] offsets = new long[requests];
        double gap = (double) span.toNanos() / requests;
        if (arrivals == Arrivals.UNIFORM) {
            for (int i = 0; i < requests; i++) {
                offsets[i] = Math.round(i * gap);
            }
            return offsets;
        }
        Random random = new Random(seed ^ ARRIVALS_STREAM);
        double at = 0;
        for (int i = 0; i < requests; i++) {
            // Inverse transform of an exponential with mean gap; 1 - u keeps the logarithm's argument above 0.
            at += -gap * Math.log(1 - random.nextDouble());
            offsets[i] = Math.round(at);
        }
        return offsets;
    }
}
