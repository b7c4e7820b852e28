package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.SimClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The receives of one queue that are long polling (WaitTimeSeconds > 0): each waits as a future, never a
 * blocked thread. The queue serves them in arrival order whenever messages may have become visible — on
 * a send, a visibility change, a dead-letter arrival — and one clock timer wakes it at the next instant a
 * delayed or in-flight message becomes visible or a wait ends. Used under the queue's lock.
 */
final class LongPoll {

    private record Waiter(ReceiveRequest request, long deadline, CompletableFuture<List<Delivery>> answer) {
    }

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final SimClock clock;
    private final Runnable wake;
    private SimClock.Timer timer;
    private long timerAt = Long.MAX_VALUE;

    LongPoll(SimClock clock, Runnable wake) {
        this.clock = clock;
        this.wake = wake;
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    /** Registers a receive that waits until {@code deadline}; the future completes with what it got. */
    CompletableFuture<List<Delivery>> await(ReceiveRequest request, long deadline) {
        CompletableFuture<List<Delivery>> answer = new CompletableFuture<>();
        waiters.addLast(new Waiter(request, deadline, answer));
        return answer;
    }

    /**
     * Answers the waiters that {@code attempt} now finds messages for, and those whose wait is over (with
     * no messages), in arrival order.
     */
    void serve(long now, Function<ReceiveRequest, List<Delivery>> attempt, PendingEffects effects) {
        boolean mayHaveMessages = true;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            List<Delivery> got = mayHaveMessages ? attempt.apply(waiter.request()) : List.of();
            mayHaveMessages = !got.isEmpty();
            if (!got.isEmpty() || waiter.deadline() <= now) {
                it.remove();
                effects.complete(() -> waiter.answer().complete(got));
            }
        }
    }

    /**
     * Sets the wake-up timer to the earlier of {@code nextVisible} and the first wait's end; cancels it
     * when nobody waits.
     */
    void arm(long now, long nextVisible) {
        if (waiters.isEmpty()) {
            cancel();
            return;
        }
        long next = nextVisible;
        for (Waiter waiter : waiters) {
            next = Math.min(next, waiter.deadline());
        }
        if (timer != null && timerAt <= next && timerAt > now) {
            return;
        }
        cancel();
        timerAt = next;
        timer = clock.schedule(Instant.ofEpochMilli(next), wake);
    }

    /** The wake-up timer has run: forget it, so that {@link #arm} schedules the next one. */
    void timerFired() {
        timer = null;
        timerAt = Long.MAX_VALUE;
    }

    /** Answers every waiter with no messages (the queue is going away) and stops the timer. */
    void close(PendingEffects effects) {
        for (Waiter waiter : waiters) {
            effects.complete(() -> waiter.answer().complete(List.of()));
        }
        waiters.clear();
        cancel();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
            timerAt = Long.MAX_VALUE;
        }
    }
}
