package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
        throw notManual();
    }

    /**
     * Moves a manual clock forward by {@code duration} as {@link #advance} does, but lets its stack become quiet
     * ({@link Stack#awaitQuiet}) before the clock leaves each instant: before it moves at all, before every timer
     * that falls due on the way, and once it has arrived. Whatever a timer starts (an invocation woken by a
     * long poll, a handler after its cold start) then runs to its end at the timer's instant, and whatever is
     * due at the arrival instant has happened when this returns, however loaded the machine: the same steps give
     * the same virtual timestamps every run. Waiting costs nothing when the stack is already quiet.
     *
     * <p>The waits together take at most {@code wallTimeout} of wall time; once it is spent the clock moves on
     * without waiting (as {@code advance} does) and this answers false. A handler that never returns, or that
     * waits on the clock through means of its own, keeps the stack busy until then. An interrupt of the calling
     * thread ends the waits too; its interrupt status is kept.
     *
     * @param duration how far to move the clock
     * @param wallTimeout the longest wall-clock time to spend waiting, in all
     * @return true if the stack was quiet at every instant, false if the wall time ran out first
     * @throws IllegalStateException if the clock is not manual
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public boolean advanceQuietly(Duration duration, Duration wallTimeout) {
        throw notManual();
    }

    /**
     * {@link #advanceQuietly(Duration, Duration)}, where an instant is left only once {@code settled} also holds:
     * for code outside the stack that still acts on what the stack did at that instant. A client that stamps each
     * answer with the clock's instant, say, asks to be waited for until it has read the answers the stack gave, so
     * that an answer given at a timer's instant is stamped at that instant and not at a later one.
     *
     * @param duration how far to move the clock
     * @param wallTimeout the longest wall-clock time to spend waiting, in all
     * @param settled true once the outside code has caught up with the stack; asked from the advancing thread
     * @return true if the stack was quiet and {@code settled} held at every instant, false if the wall time ran out
     * @throws IllegalStateException if the clock is not manual
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public boolean advanceQuietly(Duration duration, Duration wallTimeout, BooleanSupplier settled) {
        throw notManual();
    }

    /**
     * Blocks the calling thread until the clock reaches {@code at}, or {@code wallTimeout} of wall time has passed.
     * Meant for code that the stack's work calls and waits for: a dependency a handler calls, holding its answer
     * for a latency on the stack's clock. On a manual clock the waiting then counts as the stack's work waiting on
     * the clock, as a fault's handler delay does, so the stack can be quiet while it waits and
     * {@link #advanceQuietly} moves on instead of waiting for it; once {@code at} is reached the work counts again
     * before this returns. Called when nothing of the stack is running, it waits without counting anything.
     * Call it in a loop with a short {@code wallTimeout} to stay responsive to a shutdown of your own.
     *
     * @param at the instant to wait for
     * @param wallTimeout the longest wall-clock time to wait
     * @return true if the clock reached {@code at}, false if the wall time ran out first
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public boolean waitUntil(Instant at, Duration wallTimeout) throws InterruptedException {
        if (!at.isAfter(now())) {
            return true;
        }
        CountDownLatch reached = new CountDownLatch(1);
        Timer timer = schedule(at, reached::countDown);
        try {
            return reached.await(wallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            timer.cancel();
        }
    }

    private IllegalStateException notManual() {
        return new IllegalStateException("this stack's clock runs in " + mode().name().toLowerCase()
                + " time and cannot be advanced; declare the stack with ClockSpec.manual() to advance it");
    }
}
