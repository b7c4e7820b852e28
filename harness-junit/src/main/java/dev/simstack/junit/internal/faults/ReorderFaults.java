package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.Reordering;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.Reorder;

/** {@link Reorder} as a {@link Reordering} fault. */
public final class ReorderFaults implements FaultDeclaration<Reorder> {

    @Override
    public FaultPlan plan(Reorder annotation, Stack stack) {
        String queue = SqsFaultAnnotations.queue(stack, annotation.queue());
        if (queue.endsWith(".fifo")) {
            throw new IllegalArgumentException("queue " + queue + " is a FIFO queue, whose message groups SQS keeps"
                    + " in order: only a standard queue's receives can be reordered");
        }
        return FaultPlan.none().with(Reordering.on(queue));
    }
}
