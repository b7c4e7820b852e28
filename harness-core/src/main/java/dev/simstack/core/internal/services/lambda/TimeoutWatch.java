package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.SimClock;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The timeouts of the invocations running now, behind one timer on the stack's clock set for the earliest of
 * them. An invocation that ends in time leaves the watch without touching the timer: a timer per invocation
 * (scheduled, then cancelled) cost the clock's timer thread a wake-up and its queue's lock per call.
 * Invocations of the same function start in order and share a timeout, so a new deadline is almost never
 * the earliest and almost never moves the timer.
 *
 * <p>When the timer fires, every invocation whose deadline has been reached times out, in deadline order,
 * and the timer is set again for the earliest one left. On a manual clock that is the instant the
 * invocation's own timer would have fired at.
 */
final class TimeoutWatch {

    /** One invocation's deadline; {@code onTimeout} runs on the clock's timer thread (or the advancing one). */
    static final class Watched implements Comparable<Watched> {
        private final long deadline;
        private final long order;
        private final Runnable onTimeout;

        private Watched(long deadline, long order, Runnable onTimeout) {
            this.deadline = deadline;
            this.order = order;
            this.onTimeout = onTimeout;
        }

        @Override
        public int compareTo(Watched other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }
    }

    private static final long UNARMED = Long.MAX_VALUE;

    private final SimClock clock;
    private final ConcurrentSkipListSet<Watched> running = new ConcurrentSkipListSet<>();
    private final AtomicLong order = new AtomicLong();
    /** The instant (epoch millis) the timer is set for; UNARMED when none is. Written under this. */
    private volatile long armedAt = UNARMED;
    private SimClock.Timer timer;

    TimeoutWatch(SimClock clock) {
        this.clock = clock;
    }

    /** Watches a deadline (epoch millis on the stack's clock) until {@link #leave}. */
    Watched watch(long deadline, Runnable onTimeout) {
        Watched watched = new Watched(deadline, order.incrementAndGet(), onTimeout);
        running.add(watched);
        // Added before armedAt is read, and fire() clears armedAt before it reads the set: either fire() sees
        // this deadline, or this sees the watch unarmed (or armed later than this deadline) and arms it.
        if (deadline < armedAt) {
            arm(deadline);
        }
        return watched;
    }

    /** The invocation ended before its deadline (or timed out already). The timer stays as it is. */
    void leave(Watched watched) {
        running.remove(watched);
    }

    private synchronized void arm(long at) {
        if (at >= armedAt) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        armedAt = at;
        timer = clock.schedule(Instant.ofEpochMilli(at), this::fire);
    }

    private void fire() {
        synchronized (this) {
            timer = null;
            armedAt = UNARMED;
        }
        long now = clock.millis();
        Watched first;
        while ((first = firstOrNull()) != null && first.deadline <= now) {
            if (running.remove(first)) {
                first.onTimeout.run();
            }
        }
        if (first != null) {
            arm(first.deadline);
        }
    }

    private Watched firstOrNull() {
        Iterator<Watched> earliest = running.iterator();
        return earliest.hasNext() ? earliest.next() : null;
    }
}
