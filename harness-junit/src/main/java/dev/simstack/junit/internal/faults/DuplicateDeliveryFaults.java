package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.DuplicateDelivery;
import dev.simstack.junit.FaultDeclaration;

/** {@link DuplicateDelivery} as a {@link dev.simstack.fault.DuplicateDelivery} fault. */
public final class DuplicateDeliveryFaults implements FaultDeclaration<DuplicateDelivery> {

    @Override
    public FaultPlan plan(DuplicateDelivery annotation, Stack stack) {
        String queue = SqsFaultAnnotations.queue(stack, annotation.queue());
        if (queue.endsWith(".fifo")) {
            throw new IllegalArgumentException("queue " + queue + " is a FIFO queue, which SQS delivers exactly once"
                    + " (exactly-once processing): duplicates are a standard queue's at-least-once delivery");
        }
        return FaultPlan.none().with(dev.simstack.fault.DuplicateDelivery.on(queue)
                .withMode(dev.simstack.fault.DuplicateDelivery.Mode.valueOf(annotation.mode().name()))
                .withMatcher(SqsFaultAnnotations.matcher(annotation.bodyContains(), annotation.bodyMatches(),
                        annotation.attribute()))
                .withProbability(annotation.probability()).withNth(annotation.nth()).withTimes(annotation.times())
                .withAfter(SqsFaultAnnotations.duration("after", annotation.after())));
    }
}
