package dev.simstack.fault;

import java.time.Duration;
import java.time.Instant;

/**
 * When a fault acts, on the stack's clock: from {@code start} (inclusive) to {@code end} (exclusive;
 * {@link Instant#MAX} for the rest of the test).
 */
record FaultWindow(Instant start, Instant end) {

    /** The window opening {@code after} past {@code applied} and lasting {@code duration} (null: no end). */
    static FaultWindow from(Instant applied, Duration after, Duration duration) {
        Instant start = applied.plus(after);
        return new FaultWindow(start, duration == null ? Instant.MAX : start.plus(duration));
    }

    /** Whether {@code now} is inside the window. */
    boolean contains(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }

    /** How a plan prints a window: nothing for the whole test. */
    static String describe(Duration after, Duration duration) {
        String from = after.isZero() ? "" : " from " + after.toMillis() + " ms";
        String length = duration == null ? "" : " for " + duration.toMillis() + " ms";
        return from + length;
    }
}
