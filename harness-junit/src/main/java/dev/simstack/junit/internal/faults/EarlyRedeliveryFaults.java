package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.EarlyRedelivery;
import dev.simstack.junit.FaultDeclaration;

/** {@link EarlyRedelivery} as a {@link dev.simstack.fault.EarlyRedelivery} fault. */
public final class EarlyRedeliveryFaults implements FaultDeclaration<EarlyRedelivery> {

    @Override
    public FaultPlan plan(EarlyRedelivery annotation, Stack stack) {
        return FaultPlan.none().with(dev.simstack.fault.EarlyRedelivery
                .on(SqsFaultAnnotations.queue(stack, annotation.queue()),
                        SqsFaultAnnotations.duration("after", annotation.after()))
                .withMatcher(SqsFaultAnnotations.matcher(annotation.bodyContains(), annotation.bodyMatches(),
                        annotation.attribute()))
                .withProbability(annotation.probability()).withTimes(annotation.times()));
    }
}
