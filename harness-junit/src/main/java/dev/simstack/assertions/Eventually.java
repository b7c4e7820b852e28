package dev.simstack.assertions;

import static dev.simstack.assertions.error.ShouldHoldEventually.shouldHoldEventually;

import dev.simstack.assertions.error.ShouldHoldEventually;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.error.ErrorMessageFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How an eventual check retries, immutable (each {@code with*} returns a new value, as Awaitility's
 * {@code ConditionFactory} does). On a manual clock it moves the stack's clock itself, {@code step} at a time up
 * to {@code within} of virtual time, quietly: at every instant it passes it waits until the stack's work in
 * flight (requests, invocations, pollers with messages to take) is done, so a handler's wall time never shows as
 * virtual time and the check sees the same stack every run. Should the stack stay busy longer than
 * {@link #QUIET_LIMIT} of wall time (a handler waiting on something outside the stack), the check stops waiting
 * for quiet and only gives the stack's threads {@code pause} of wall time after each step. On a real or scaled
 * clock, which moves by itself, it waits up to {@code within} of wall time through Awaitility.
 */
record Eventually(Duration within, Duration step, Duration pause) {

    /** 15 virtual minutes: past SQS's default visibility timeout (30 s) and Lambda's longest timeout (15 min). */
    static final Duration MANUAL_WITHIN = Duration.ofMinutes(15);
    /** 10 s of wall time on clocks that move by themselves. */
    static final Duration WAITING_WITHIN = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration PAUSE = Duration.ofMillis(3);
    /** The wall time one step may wait for the stack to be quiet before the check stops waiting for quiet. */
    static final Duration QUIET_LIMIT = Duration.ofSeconds(10);

    /** A failed eventual check: how time went by, and the last check's failure. */
    record Failure(String how, AssertionError last) {
    }

    Eventually {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(pause, "pause");
        if (within != null && within.isNegative()) {
            throw new IllegalArgumentException("an eventual check needs a bound of zero or more, got " + within);
        }
    }

    /** The defaults, whose bound depends on the clock ({@link #MANUAL_WITHIN} or {@link #WAITING_WITHIN}). */
    static Eventually defaults() {
        return new Eventually(null, STEP, PAUSE);
    }

    Eventually withWithin(Duration bound) {
        return new Eventually(Objects.requireNonNull(bound, "within"), step, pause);
    }

    /**
     * Runs {@code check} once when {@code retry} is null, else until it holds; when time is up, hands
     * {@code fail} the message of an eventual check that did not hold (the assert throws it, AssertJ's way).
     */
    static void check(Eventually retry, Supplier<Stack> stack, Runnable check, Consumer<ErrorMessageFactory> fail) {
        if (retry == null) {
            check.run();
            return;
        }
        retry.hold(stack.get(), check).ifPresent(f -> fail.accept(shouldHoldEventually(f.how(), f.last().getMessage())));
    }

    /** Runs {@code check} until it passes, or returns how it failed once the bound is reached. */
    Optional<Failure> hold(Stack stack, Runnable check) {
        SimClock clock = stack.clock();
        return clock.mode() == SimClock.Mode.MANUAL ? advancing(clock, check) : waiting(clock, check);
    }

    private Optional<Failure> advancing(SimClock clock, Runnable check) {
        Duration bound = within != null ? within : MANUAL_WITHIN;
        Duration advanced = Duration.ZERO;
        int steps = 0;
        boolean quiet = true;
        while (true) {
            try {
                check.run();
                return Optional.empty();
            } catch (AssertionError failure) {
                if (advanced.compareTo(bound) >= 0) {
                    return Optional.of(new Failure(ShouldHoldEventually.advanced(advanced, steps, step), failure));
                }
            }
            Duration next = step.compareTo(bound.minus(advanced)) <= 0 ? step : bound.minus(advanced);
            if (quiet) {
                quiet = clock.advanceQuietly(next, QUIET_LIMIT);
            } else {
                clock.advance(next);
                pauseForTheStack();
            }
            advanced = advanced.plus(next);
            steps++;
        }
    }

    private void pauseForTheStack() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }

    private Optional<Failure> waiting(SimClock clock, Runnable check) {
        Duration bound = within != null ? within : WAITING_WITHIN;
        Duration poll = Duration.ofMillis(50);
        String how = ShouldHoldEventually.waited(bound, clock.mode().name().toLowerCase(Locale.ROOT), poll);
        try {
            Awaitility.await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(poll).untilAsserted(check::run);
            return Optional.empty();
        } catch (ConditionTimeoutException timeout) {
            AssertionError last = timeout.getCause() instanceof AssertionError cause ? cause
                    : new AssertionError(timeout.getMessage());
            return Optional.of(new Failure(how, last));
        }
    }
}
