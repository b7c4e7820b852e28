package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.PoisonMessages;

/** {@link PoisonMessages} as a {@link dev.simstack.fault.PoisonMessages} fault. */
public final class PoisonMessagesFaults implements FaultDeclaration<PoisonMessages> {

    @Override
    public FaultPlan plan(PoisonMessages annotation, Stack stack) {
        return FaultPlan.none().with(dev.simstack.fault.PoisonMessages.on(
                SqsFaultAnnotations.queue(stack, annotation.queue()),
                SqsFaultAnnotations.matcher(annotation.bodyContains(), annotation.bodyMatches(),
                        annotation.attribute())));
    }
}
