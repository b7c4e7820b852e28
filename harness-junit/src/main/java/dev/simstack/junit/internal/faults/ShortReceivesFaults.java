package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.ShortReceives;

/** {@link ShortReceives} as a {@link dev.simstack.fault.ShortReceives} fault. */
public final class ShortReceivesFaults implements FaultDeclaration<ShortReceives> {

    @Override
    public FaultPlan plan(ShortReceives annotation, Stack stack) {
        dev.simstack.fault.ShortReceives fault = dev.simstack.fault.ShortReceives
                .on(SqsFaultAnnotations.queue(stack, annotation.queue())).withProbability(annotation.probability());
        return FaultPlan.none().with(annotation.atMost() >= 0 ? fault.withAtMost(annotation.atMost()) : fault);
    }
}
