package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.Throttle;
import java.time.Duration;
import java.util.Set;

/** {@link Throttle} as a rule of its service's throttling error. */
public final class ThrottleFaults implements FaultDeclaration<Throttle> {

    @Override
    public FaultPlan plan(Throttle throttle, Stack stack) {
        FaultRule rule = FaultRule.throttle(throttle.service(), "*"); // the service's own throttling error
        rule = new FaultRule(name(throttle), rule.service(), Set.of(throttle.operation()),
                throttle.region().isEmpty() ? null : throttle.region(),
                throttle.resource().isEmpty() ? null : throttle.resource(), rule.error(), Duration.ZERO,
                throttle.probability(), throttle.after(), throttle.times());
        return FaultPlan.of(rule);
    }

    private static String name(Throttle throttle) {
        return "@Throttle " + throttle.service() + (throttle.operation().length == 0 ? "" : "."
                + String.join("|", throttle.operation())) + (throttle.resource().isEmpty() ? "" : " on "
                + throttle.resource());
    }
}
