package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Asks the stack's {@link LambdaHook}s at an invocation's fault points and combines their answers: the smallest
 * concurrency limit, the longest forced init and handler delays, a crash if any hook crashes. With no hooks (the
 * common case) every answer is "as usual" without allocating.
 */
final class LambdaFaultPoints {

    private final StackContext context;

    LambdaFaultPoints(StackContext context) {
        this.context = context;
    }

    /** True when a hook's concurrency limit leaves no room for one more invocation of {@code function}. */
    boolean throttles(LambdaFunction function) {
        OptionalInt limit = OptionalInt.empty();
        for (LambdaHook hook : context.hooks(LambdaHook.class)) {
            OptionalInt asked = hook.concurrencyLimit(function.ref());
            if (asked.isPresent() && (limit.isEmpty() || asked.getAsInt() < limit.getAsInt())) {
                limit = asked;
            }
        }
        // Checked before the unit is taken, so two racing invocations may both pass one free unit; a fault's
        // limit is about throttles being seen, not about an exact count under a race.
        return limit.isPresent() && function.busy() >= limit.getAsInt();
    }

    /** The init delay of a forced cold start, or empty when the invocation may take a warm environment. */
    Optional<Duration> forcedColdStart(LambdaFunction function) {
        Optional<Duration> forced = Optional.empty();
        for (LambdaHook hook : context.hooks(LambdaHook.class)) {
            Optional<Duration> asked = hook.forcedColdStart(function.ref());
            if (asked.isPresent() && (forced.isEmpty() || asked.get().compareTo(forced.get()) > 0)) {
                forced = asked;
            }
        }
        return forced;
    }

    Duration handlerDelay(LambdaFunction function, int timeoutSeconds, byte[] event) {
        Duration delay = Duration.ZERO;
        for (LambdaHook hook : context.hooks(LambdaHook.class)) {
            Duration asked = hook.handlerDelay(function.ref(), Duration.ofSeconds(timeoutSeconds), event);
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return delay;
    }

    /** Every hook is asked (each counts the invocations it saw), and any one may crash it. */
    boolean crashesAfterEffect(LambdaFunction function, byte[] event) {
        boolean crash = false;
        for (LambdaHook hook : context.hooks(LambdaHook.class)) {
            crash |= hook.crashesAfterEffect(function.ref(), event);
        }
        return crash;
    }
}
