package dev.simstack.junit.internal.burst;

import dev.simstack.core.SimClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Sends a burst's requests at their arrival instants, by the stack's clock, and waits for the answers.
 *
 * <p><b>On a manual clock</b> the burst moves the clock itself: it advances to arrival {@code i}, sends
 * request {@code i}, and waits until API Gateway has decided it ({@code ApiHandle.requestsDecided()}, counted
 * once the token buckets have read the clock) before advancing further, so that the throttle decides request
 * {@code i} at arrival {@code i}'s instant and the counts come out the same every run, however loaded the
 * machine. It then waits a little for the answer, for its latency. A request may wait on the clock itself (a Lambda cold start, a timer in a handler): its
 * answer only comes once the clock moves, which only the burst does. So the burst waits for an answer at
 * most {@link #SETTLE} of wall time ({@link #FIRST_SETTLE} for the first request, which also opens the
 * connection) and then goes on. API Gateway decides the throttle as soon as the request arrives, before any
 * integration runs, and answers a throttled request at once; a request not answered within the settle time
 * has therefore been admitted, and moving on changes nothing it was decided on. After the last arrival the
 * burst lets the requests still in flight finish, advancing the clock in growing steps (1 ms, doubling, at
 * most 1 s) whenever no answer came for a settle time, for at most {@link #DRAIN_LIMIT} of virtual time
 * (API Gateway's integration timeout, 29 s, ends every API request before).
 *
 * <p><b>On a real or scaled clock</b> the burst sleeps until each arrival (a virtual offset divided by the
 * scale) and sends without waiting for answers, then waits for them up to the drain limit, scaled, plus
 * half a minute of wall time.
 */
final class Pacing {

    static final long SETTLE = TimeUnit.MILLISECONDS.toNanos(100);
    static final long FIRST_SETTLE = TimeUnit.SECONDS.toNanos(2);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(1);
    private static final Duration FIRST_STEP = Duration.ofMillis(1);
    private static final Duration LONGEST_STEP = Duration.ofSeconds(1);

    private final SimClock clock;
    private final double scale;
    /** The longest wall time to wait for the target to take a request in before the clock moves on anyway. */
    static final long DECISION_LIMIT = TimeUnit.SECONDS.toNanos(30);

    private final Answers answers;
    private final Progress progress;
    private final LongSupplier decided;

    /**
     * @param decided how many requests the target has decided so far (-1 when it decides nothing by the clock):
     *     on a manual clock the burst waits for request {@code i} to be counted before it moves the clock on
     */
    Pacing(SimClock clock, double scale, Answers answers, Progress progress, LongSupplier decided) {
        this.clock = clock;
        this.scale = scale;
        this.answers = answers;
        this.progress = progress;
        this.decided = decided;
    }

    void run(long[] offsets, IntFunction<CompletableFuture<HttpResponse<String>>> sender) throws InterruptedException {
        if (clock.mode() == SimClock.Mode.MANUAL) {
            manual(offsets, sender);
        } else {
            wall(offsets, sender);
        }
    }

    private void manual(long[] offsets, IntFunction<CompletableFuture<HttpResponse<String>>> sender)
            throws InterruptedException {
        Instant start = clock.now();
        long before = decided.getAsLong();
        for (int i = 0; i < offsets.length; i++) {
            Duration gap = Duration.between(clock.now(), start.plusNanos(offsets[i]));
            if (gap.compareTo(Duration.ZERO) > 0) {
                clock.advance(gap);
            }
            answers.send(i, sender);
            if (before >= 0) {
                awaitDecision(i, before + i + 1);
            }
            answers.awaitAnswer(i, i == 0 ? FIRST_SETTLE : SETTLE);
            progress.tick(answers);
        }
        int seen = answers.answered();
        Duration step = FIRST_STEP;
        Duration waited = Duration.ZERO;
        while (!answers.allAnswered()) {
            progress.tick(answers);
            int now = answers.awaitMore(seen, SETTLE);
            if (now > seen) {
                seen = now;
                step = FIRST_STEP;
                continue;
            }
            if (waited.compareTo(DRAIN_LIMIT) >= 0) {
                return;
            }
            clock.advance(step);
            waited = waited.plus(step);
            step = step.multipliedBy(2).compareTo(LONGEST_STEP) > 0 ? LONGEST_STEP : step.multipliedBy(2);
        }
    }

    /**
     * Waits until the target has decided request {@code i} (its count reaches {@code count}) or answered it (a
     * request that never reached it, say), for at most {@link #DECISION_LIMIT}: the throttle then has read the
     * clock at this arrival, however long the request took to get there on a loaded machine.
     */
    private void awaitDecision(int i, long count) throws InterruptedException {
        long deadline = System.nanoTime() + DECISION_LIMIT;
        while (decided.getAsLong() < count && !answers.awaitAnswer(i, 0)) {
            if (System.nanoTime() - deadline > 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private void wall(long[] offsets, IntFunction<CompletableFuture<HttpResponse<String>>> sender)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < offsets.length; i++) {
            long due = start + (long) (offsets[i] / scale);
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                progress.tick(answers);
            }
            answers.send(i, sender);
            progress.tick(answers);
        }
        long deadline = System.nanoTime() + (long) (DRAIN_LIMIT.toNanos() / scale) + TimeUnit.SECONDS.toNanos(30);
        int seen = answers.answered();
        while (!answers.allAnswered() && System.nanoTime() - deadline < 0) {
            seen = answers.awaitMore(seen, SETTLE);
            progress.tick(answers);
        }
    }
}
