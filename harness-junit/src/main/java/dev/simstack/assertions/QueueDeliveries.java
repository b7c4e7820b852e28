package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@link DeliveryAssert} reads: a stack and one of its queues, whose messages the ledger follows (into
 * the queue's dead-letter queue too).
 *
 * @param stack the stack whose ledger records the messages
 * @param queue the queue the messages were sent to
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record QueueDeliveries(Stack stack, QueueHandle queue) {

    /** Checks that both are given. */
    public QueueDeliveries {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(queue, "queue");
    }

    /**
     * The queue {@code queueName} of {@code stack}, in the stack's default region.
     *
     * @param stack the stack
     * @param queueName the queue's name
     * @return what the delivery assertions read
     * @throws IllegalArgumentException if the stack has no such queue (the message lists those it has)
     */
    public static QueueDeliveries of(Stack stack, String queueName) {
        return new QueueDeliveries(stack, stack.queue(queueName));
    }

    /**
     * The queue's dead-letter queue, if it has a redrive policy and the queue still exists.
     *
     * @return the dead-letter queue's handle, or empty
     */
    public Optional<QueueHandle> deadLetterQueue() {
        try {
            return queue.deadLetterQueue();
        } catch (IllegalStateException deleted) {
            // A deleted queue has no redrive policy left to read; its messages' ledger entries remain.
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return queue.ref().toString();
    }
}
