package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The only source of time in a stack: visibility timeouts, delays, retention, long polls and every
 * other time rule read it, and timers scheduled on it fire when it reaches their instant — in real
 * time, when a test {@linkplain #advance advances} a manual clock, or N times faster when scaled.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SimClock {

    /** How the clock moves. */
    public enum Mode {
        /** Wall-clock time. */
        REAL,
        /** Stands still until {@link #advance(Duration)}. */
        MANUAL,
        /** Wall-clock time sped up by a constant factor. */
        SCALED
    }

    /** A scheduled task that can still be cancelled. */
    public interface Timer {
        /** Cancels the task if it has not run yet; harmless afterwards. */
        void cancel();
    }

    /** The current virtual instant. */
    public abstract Instant now();

    /** The current virtual instant in epoch milliseconds. */
    public long millis() {
        return now().toEpochMilli();
    }

    /** How this clock moves. */
    public abstract Mode mode();

    /**
     * Runs {@code task} once the clock reaches {@code at} (at once, on the clock's thread, if it is
     * already past). Tasks must be short: they run on the clock's single timer thread, or, for a
     * manual clock, in the thread that calls {@link #advance}.
     */
    public abstract Timer schedule(Instant at, Runnable task);

    /** Runs {@code task} once {@code delay} of virtual time has passed. */
    public Timer schedule(Duration delay, Runnable task) {
        return schedule(now().plus(delay), task);
    }

    /**
     * Moves a manual clock forward by {@code duration}, running every timer that falls due on the way
     * in instant order, each with the clock set to its instant.
     *
     * @throws IllegalStateException if the clock is not manual
     */
    public void advance(Duration duration) {
        throw new IllegalStateException("this stack's clock runs in " + mode().name().toLowerCase()
                + " time and cannot be advanced; declare the stack with ClockSpec.manual() to advance it");
    }
}
