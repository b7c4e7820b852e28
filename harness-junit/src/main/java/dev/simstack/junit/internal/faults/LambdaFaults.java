package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.ColdStarts;
import dev.simstack.fault.CrashAfterEffect;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.HandlerTimeout;
import dev.simstack.fault.LambdaThrottle;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.internal.DurationText;
import java.time.Duration;

/** The Lambda fault annotations as the faults of module fault-injection, their function checked on the stack. */
public final class LambdaFaults {

    private LambdaFaults() {
    }

    /** {@link dev.simstack.junit.CrashAfterEffect} as a {@link CrashAfterEffect}. */
    public static final class CrashAfterEffectDeclaration
            implements FaultDeclaration<dev.simstack.junit.CrashAfterEffect> {

        @Override
        public FaultPlan plan(dev.simstack.junit.CrashAfterEffect crash, Stack stack) {
            stack.function(crash.function()); // an unknown name fails here, listing the functions
            CrashAfterEffect fault = CrashAfterEffect.on(crash.function()).withProbability(crash.probability())
                    .withNth(crash.nth()).withTimes(crash.times()).named("@CrashAfterEffect " + crash.function());
            return FaultPlan.none().with(crash.bodyMatches().isEmpty() ? fault
                    : fault.withBodyMatching(crash.bodyMatches()));
        }
    }

    /** {@link dev.simstack.junit.HandlerTimeout} as a {@link HandlerTimeout}. */
    public static final class HandlerTimeoutDeclaration
            implements FaultDeclaration<dev.simstack.junit.HandlerTimeout> {

        @Override
        public FaultPlan plan(dev.simstack.junit.HandlerTimeout timeout, Stack stack) {
            stack.function(timeout.function());
            HandlerTimeout fault = (timeout.delay().isEmpty() ? HandlerTimeout.forced(timeout.function())
                    : HandlerTimeout.delayed(timeout.function(), DurationText.parse(timeout.delay())))
                    .withProbability(timeout.probability()).withNth(timeout.nth()).withTimes(timeout.times())
                    .named("@HandlerTimeout " + timeout.function());
            return FaultPlan.none().with(timeout.bodyMatches().isEmpty() ? fault
                    : fault.withBodyMatching(timeout.bodyMatches()));
        }
    }

    /** {@link dev.simstack.junit.ColdStarts} as a {@link ColdStarts}. */
    public static final class ColdStartsDeclaration implements FaultDeclaration<dev.simstack.junit.ColdStarts> {

        @Override
        public FaultPlan plan(dev.simstack.junit.ColdStarts cold, Stack stack) {
            stack.function(cold.function());
            return FaultPlan.none().with(ColdStarts.next(cold.function(), cold.count())
                    .withInitDelay(duration(cold.initDelay())).named("@ColdStarts " + cold.function()));
        }
    }

    /** {@link dev.simstack.junit.LambdaThrottle} as a {@link LambdaThrottle}. */
    public static final class LambdaThrottleDeclaration
            implements FaultDeclaration<dev.simstack.junit.LambdaThrottle> {

        @Override
        public FaultPlan plan(dev.simstack.junit.LambdaThrottle throttle, Stack stack) {
            stack.function(throttle.function());
            LambdaThrottle fault = LambdaThrottle.at(throttle.function(), throttle.reservedConcurrency())
                    .named("@LambdaThrottle " + throttle.function());
            if (!throttle.after().isEmpty() || !throttle.duration().isEmpty()) {
                Duration length = throttle.duration().isEmpty() ? null : DurationText.parse(throttle.duration());
                fault = fault.withWindow(duration(throttle.after()), length);
            }
            return FaultPlan.none().with(fault);
        }
    }

    private static Duration duration(String text) {
        return text.isEmpty() ? Duration.ZERO : DurationText.parse(text);
    }
}
