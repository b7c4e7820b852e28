package dev.simstack.core.internal.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of one stack that can progress without its clock moving: requests the doors are dispatching, Lambda
 * invocations on their threads, clock timers due now and waiting for the timer thread, a manual clock's advance.
 * Each piece of work is counted from the moment it becomes runnable until it ends or waits on the clock, and work
 * that starts other work counts the new piece before it stops counting itself (a hand-over), so a count of zero
 * means that nothing can happen until the clock moves or a client outside the stack sends something: the stack is
 * quiet. A count that never reaches zero (a handler in an endless loop) is what a waiter's wall-time bound is for.
 *
 * <p>Counting is one atomic increment and decrement per piece of work; the monitor is touched only while somebody
 * waits and the count has dropped to what a waiter may allow (zero, or one for an advance waiting on its own).
 */
public final class Activity {

    private final AtomicInteger busy = new AtomicInteger();
    private final Object monitor = new Object();
    private volatile int waiting;

    /** A piece of work began (or was handed over and is not yet running). */
    public void begin() {
        busy.incrementAndGet();
    }

    /** A piece of work ended, or began to wait on the clock. */
    public void end() {
        if (busy.decrementAndGet() <= 1 && waiting > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /**
     * The work that is counted now, if any, began to wait on the clock through code outside the stack (a
     * dependency a handler calls, holding its answer on the clock): ends one piece of work, unless none is counted
     * (the waiting code was then called from outside the stack, and holds up nothing of it).
     *
     * @return true if a piece of work was ended; the caller must {@link #begin()} it again when the wait is over
     */
    public boolean endIfBusy() {
        int now;
        do {
            now = busy.get();
            if (now <= 0) {
                return false;
            }
        } while (!busy.compareAndSet(now, now - 1));
        if (now - 1 <= 1 && waiting > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
        return true;
    }

    /** {@code executor}, with each task counted from its submission until it has run. */
    public Executor counting(Executor executor) {
        return task -> {
            begin();
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        end();
                    }
                });
            } catch (RuntimeException e) {
                end(); // rejected: the executor is shutting down with the stack
                throw e;
            }
        };
    }

    /**
     * Waits until no work is counted, for at most {@code nanos} of wall time.
     *
     * @return true if the stack became quiet, false if the time ran out first
     */
    public boolean awaitQuiet(long nanos) throws InterruptedException {
        return awaitBusyAtMost(0, nanos);
    }

    /**
     * Waits until at most {@code allowed} pieces of work are counted (the caller's own, say), for at most
     * {@code nanos} of wall time; true if they were.
     */
    public boolean awaitBusyAtMost(int allowed, long nanos) throws InterruptedException {
        if (busy.get() <= allowed) {
            return true;
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            waiting++;
            try {
                while (busy.get() > allowed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    // short waits: an end() racing the check above may notify before this wait begins
                    monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 5)));
                }
                return true;
            } finally {
                waiting--;
            }
        }
    }
}
