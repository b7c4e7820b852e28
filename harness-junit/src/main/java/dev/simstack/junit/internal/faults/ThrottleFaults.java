package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.Throttle;

/** {@link Throttle} as a rule of its service's throttling error. */
public final class ThrottleFaults implements FaultDeclaration<Throttle> {

    @Override
    public FaultPlan plan(Throttle throttle, Stack stack) {
        FaultRule rule = FaultRule.throttle(throttle.service(), "*"); // the service's own throttling error
        rule = When.where(rule, "@Throttle " + When.label(throttle.service(), throttle.operation(),
                throttle.resource(), throttle.region()), throttle.operation(), throttle.resource(), throttle.region());
        return FaultPlan.of(When.when(rule, throttle.probability(), throttle.after(), throttle.every(),
                throttle.times(), throttle.from(), throttle.until(), throttle.duration()));
    }
}
