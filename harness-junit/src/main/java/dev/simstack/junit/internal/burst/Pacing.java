package dev.simstack.junit.internal.burst;

import dev.simstack.core.SimClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends a burst's requests at their arrival instants, by the stack's clock, and waits for the answers.
 *
 * <p><b>On a manual clock</b> the burst moves the clock itself: it advances to arrival {@code i}, sends
 * request {@code i}, and waits until API Gateway has decided it ({@code ApiHandle.requestsDecided()}, counted
 * once the token buckets have read the clock), so that the throttle decides request {@code i} at arrival
 * {@code i}'s instant. It then waits until the stack is quiet ({@code Stack.awaitQuiet}): the integration, the
 * handlers and whatever they set off (a message's worker, its writes) have done everything they can at this
 * instant, and the answers the API has given by then ({@code ApiHandle.requestsAnswered()}) have reached the
 * burst, which stamps each with the clock's instant. Moving to the next arrival lets the stack settle at every
 * timer on the way ({@code SimClock.advanceQuietly}). Counts, latencies and every downstream timestamp then come
 * out the same every run, however loaded the machine. A request that waits on the clock (a Lambda cold start, a
 * timer in a handler) leaves the stack quiet, and its answer comes once the burst has moved the clock far enough.
 * A stack that does not become quiet within {@link #QUIET_LIMIT} ({@link #FIRST_QUIET_LIMIT} for the first
 * request, which also warms the JIT; a handler that never returns, or waits on the clock by means of its own) is
 * waited for only a {@link #SETTLE} time from then on, as before there was a quiet signal. A queue target
 * decides nothing by the clock: the burst waits a settle time for its answer, then for quiet. After the last
 * arrival the burst lets the requests still in flight finish, advancing the clock in growing steps (1 ms,
 * doubling, at most 1 s) whenever the stack is quiet and no answer came, for at most {@link #DRAIN_LIMIT} of
 * virtual time (API Gateway's integration timeout, 29 s, ends every API request before).
 *
 * <p><b>On a real or scaled clock</b> the burst sleeps until each arrival (a virtual offset divided by the
 * scale) and sends without waiting for answers, then waits for them up to the drain limit, scaled, plus
 * half a minute of wall time.
 */
final class Pacing {

    static final long SETTLE = TimeUnit.MILLISECONDS.toNanos(100);
    static final long FIRST_SETTLE = TimeUnit.SECONDS.toNanos(2);
    static final long QUIET_LIMIT = TimeUnit.SECONDS.toNanos(5);
    static final long FIRST_QUIET_LIMIT = TimeUnit.SECONDS.toNanos(30);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(1);
    private static final Duration FIRST_STEP = Duration.ofMillis(1);
    private static final Duration LONGEST_STEP = Duration.ofSeconds(1);

    /** Waits until the stack is quiet, at most the given wall time; true if it became quiet. */
    @FunctionalInterface
    interface Quiet {
        boolean await(Duration wallTimeout) throws InterruptedException;
    }

    private final SimClock clock;
    private final double scale;
    /** The longest wall time to wait for the target to take a request in before the clock moves on anyway. */
    static final long DECISION_LIMIT = TimeUnit.SECONDS.toNanos(30);

    private final Answers answers;
    private final Progress progress;
    private final BurstTarget target;
    private final Quiet quiet;
    /** How long to wait for quiet now: shortened to a settle time once the stack did not become quiet in time. */
    private long quietLimit = FIRST_QUIET_LIMIT;

    /**
     * @param target what the burst calls: on a manual clock the burst waits for request {@code i} to be decided
     *     ({@link BurstTarget#decided}) before it moves the clock on, and for the answers it has given to arrive
     * @param quiet waits until the stack is quiet
     */
    Pacing(SimClock clock, double scale, Answers answers, Progress progress, BurstTarget target, Quiet quiet) {
        this.clock = clock;
        this.scale = scale;
        this.answers = answers;
        this.progress = progress;
        this.target = target;
        this.quiet = quiet;
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
        long decidedBefore = target.decided();
        long answeredBefore = target.answered();
        for (int i = 0; i < offsets.length; i++) {
            Duration gap = Duration.between(clock.now(), start.plusNanos(offsets[i]));
            if (gap.compareTo(Duration.ZERO) > 0) {
                advance(gap, answeredBefore);
            }
            answers.send(i, sender);
            if (decidedBefore >= 0) {
                awaitDecision(i, decidedBefore + i + 1);
            } else {
                answers.awaitAnswer(i, i == 0 ? FIRST_SETTLE : SETTLE);
            }
            settle(answeredBefore);
            progress.tick(answers);
        }
        int seen = answers.answered();
        Duration step = FIRST_STEP;
        Duration waited = Duration.ZERO;
        while (!answers.allAnswered()) {
            progress.tick(answers);
            settle(answeredBefore);
            int now = answeredBefore >= 0 ? answers.answered() : answers.awaitMore(seen, SETTLE);
            if (now > seen) {
                seen = now;
                step = FIRST_STEP;
                continue;
            }
            if (waited.compareTo(DRAIN_LIMIT) >= 0) {
                return;
            }
            advance(step, answeredBefore);
            waited = waited.plus(step);
            step = step.multipliedBy(2).compareTo(LONGEST_STEP) > 0 ? LONGEST_STEP : step.multipliedBy(2);
        }
    }

    /**
     * Moves the clock, leaving each instant on the way only once the stack is quiet and the answers the target gave
     * have reached the burst: an answer given at a timer's instant (a handler that waited on the clock) is stamped
     * with that instant.
     */
    private void advance(Duration by, long answeredBefore) {
        if (!clock.advanceQuietly(by, Duration.ofNanos(quietLimit), () -> caughtUp(answeredBefore))) {
            quietLimit = SETTLE;
        }
    }

    /** True when every answer the target gave since {@code answeredBefore} (-1: it counts none) reached the burst. */
    private boolean caughtUp(long answeredBefore) {
        return answeredBefore < 0 || answers.answered() >= Math.min(target.answered() - answeredBefore, answers.sent());
    }

    /**
     * Waits until the stack is quiet, then until the answers the target has given since {@code answeredBefore}
     * (-1: it counts none) have reached the burst, each stamped with this instant.
     */
    private void settle(long answeredBefore) throws InterruptedException {
        if (!quiet.await(Duration.ofNanos(quietLimit))) {
            quietLimit = SETTLE;
        } else if (quietLimit > QUIET_LIMIT) {
            quietLimit = QUIET_LIMIT;
        }
        if (answeredBefore < 0) {
            return;
        }
        long deadline = System.nanoTime() + DECISION_LIMIT;
        while (true) {
            int have = answers.answered();
            long given = target.answered() - answeredBefore;
            long left = deadline - System.nanoTime();
            if (have >= Math.min(given, answers.sent()) || left <= 0) {
                return;
            }
            answers.awaitMore(have, Math.min(left, SETTLE));
        }
    }

    /**
     * Waits until the target has decided request {@code i} (its count reaches {@code count}) or answered it (a
     * request that never reached it, say), for at most {@link #DECISION_LIMIT}: the throttle then has read the
     * clock at this arrival, however long the request took to get there on a loaded machine.
     */
    private void awaitDecision(int i, long count) throws InterruptedException {
        long deadline = System.nanoTime() + DECISION_LIMIT;
        while (target.decided() < count && !answers.awaitAnswer(i, 0)) {
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
