package dev.simstack.core.internal.clock;

import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A clock that moves only when {@link #advance} is called. Timers due on the way run in the advancing
 * thread in instant order, each with the clock set to its instant; a timer scheduled at or before now
 * runs at once on the stack's timer executor. Both count as the stack's {@link Activity}: an advance until it
 * returns, a timer due now from its scheduling until it has run.
 */
public final class ManualClock extends SimClock {

    private final Executor immediate;
    private final Activity activity;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final AtomicLong order = new AtomicLong();
    private volatile Instant now;

    public ManualClock(Instant start, Executor immediate) {
        this(start, immediate, new Activity());
    }

    public ManualClock(Instant start, Executor immediate, Activity activity) {
        this.now = start;
        this.activity = activity;
        this.immediate = activity.counting(immediate);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Mode mode() {
        return Mode.MANUAL;
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        Pending timer = new Pending(at, order.incrementAndGet(), task);
        synchronized (pending) {
            if (at.isAfter(now)) {
                pending.add(timer);
                return timer;
            }
        }
        immediate.execute(timer::fire);
        return timer;
    }

    @Override
    public void advance(Duration duration) {
        checkForward(duration);
        activity.begin();
        try {
            moveBy(duration, () -> true);
        } finally {
            activity.end();
        }
    }

    @Override
    public boolean advanceQuietly(Duration duration, Duration wallTimeout) {
        return advanceQuietly(duration, wallTimeout, () -> true);
    }

    @Override
    public boolean advanceQuietly(Duration duration, Duration wallTimeout, BooleanSupplier settled) {
        checkForward(duration);
        long deadline = System.nanoTime() + wallTimeout.toNanos();
        activity.begin();
        try {
            // this advance is the one piece of work allowed to go on while the stack counts as quiet
            return moveBy(duration, () -> {
                try {
                    return activity.awaitBusyAtMost(1, Math.max(0, deadline - System.nanoTime()))
                            && awaitSettled(settled, deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        } finally {
            activity.end();
        }
    }

    @Override
    public boolean waitUntil(Instant at, Duration wallTimeout) throws InterruptedException {
        if (!at.isAfter(now)) {
            return true;
        }
        ClockWait wait = new ClockWait();
        // the timer first: once it is pending, no advance can pass its instant without running it
        Timer timer = schedule(at, wait::reached);
        wait.lend();
        try {
            return wait.await(wallTimeout);
        } finally {
            wait.handBack();
            timer.cancel();
        }
    }

    /**
     * One {@link #waitUntil}: the work it holds up stops counting while it waits, and counts again (before the
     * waiter wakes, so the stack is not quiet between the two) when the instant is reached or the wait ends.
     */
    private final class ClockWait {
        private final CountDownLatch reached = new CountDownLatch(1);
        private boolean fired;
        private boolean lent;

        synchronized void lend() {
            if (!fired) {
                lent = activity.endIfBusy();
            }
        }

        void reached() {
            synchronized (this) {
                fired = true;
                handBackLocked();
            }
            reached.countDown();
        }

        synchronized void handBack() {
            handBackLocked();
        }

        private void handBackLocked() {
            if (lent) {
                lent = false;
                activity.begin();
            }
        }

        boolean await(Duration wallTimeout) throws InterruptedException {
            return reached.await(wallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Polls {@code settled} (outside code has no monitor to notify) until it holds or the deadline passes. */
    private static boolean awaitSettled(BooleanSupplier settled, long deadline) throws InterruptedException {
        while (!settled.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    private static void checkForward(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; got " + duration);
        }
    }

    /** Runs the timers due by now + {@code duration}, settling before each and at the end; true if all settled. */
    private boolean moveBy(Duration duration, BooleanSupplier settle) {
        Instant target;
        synchronized (pending) {
            target = now.plus(duration);
        }
        boolean settled = true;
        while (true) {
            settled &= settle.getAsBoolean();
            Pending next;
            synchronized (pending) {
                next = pending.peek();
                if (next == null || next.at.isAfter(target)) {
                    now = target;
                    break;
                }
                pending.poll();
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
            }
            next.fire();
        }
        return settled & settle.getAsBoolean();
    }

    private static final class Pending implements Comparable<Pending>, Timer {
        private final Instant at;
        private final long order;
        private volatile Runnable task;

        Pending(Instant at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }

        void fire() {
            Runnable run = task;
            task = null;
            if (run != null) {
                run.run();
            }
        }

        @Override
        public void cancel() {
            task = null;
        }

        @Override
        public int compareTo(Pending other) {
            int byInstant = at.compareTo(other.at);
            return byInstant != 0 ? byInstant : Long.compare(order, other.order);
        }
    }
}
