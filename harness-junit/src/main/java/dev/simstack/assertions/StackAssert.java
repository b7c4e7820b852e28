package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Stack}: each method leads to the assertions on one part of it.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class StackAssert extends AbstractAssert<StackAssert, Stack> {

    /**
     * Assertions on {@code actual}.
     *
     * @param actual the stack to check
     */
    public StackAssert(Stack actual) {
        super(actual, StackAssert.class);
    }

    /**
     * The delivery of the messages sent to a queue (in the stack's default region), read from the ledger:
     * none lost, duplicates, per-group order, end-to-end latency.
     *
     * @param queueName the queue's name
     * @return the queue's delivery assertions
     * @throws IllegalArgumentException if the stack has no such queue, listing those it has
     */
    public DeliveryAssert delivery(String queueName) {
        isNotNull();
        return new DeliveryAssert(QueueDeliveries.of(actual, queueName));
    }

    /**
     * Whether each business key's effect (an applied DynamoDB item write, an S3 object write) happened exactly
     * once, read from the ledger.
     *
     * @return the idempotency assertions
     */
    public IdempotencyAssert idempotency() {
        isNotNull();
        return new IdempotencyAssert(actual);
    }
}
