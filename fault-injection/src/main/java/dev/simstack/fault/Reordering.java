package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.SimRandom;
import dev.simstack.core.SqsHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A standard queue answers each receive's messages out of the order they were sent, as its "best-effort
 * ordering" allows: the order is a shuffle drawn from the queue's stream, never the send order when a receive
 * gets two or more. (Which messages a receive picks is already a draw from the stack's seed.) FIFO queues are
 * refused: AWS keeps their order. An immutable value: {@code Reordering.on("orders")}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Reordering implements SemanticFault {

    private final String queue;

    private Reordering(String queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Receives from the standard queue {@code queue} out of send order.
     *
     * @param queue the queue's name
     * @return the fault
     */
    public static Reordering on(String queue) {
        return new Reordering(queue);
    }

    @Override
    public String name() {
        return "reorder on " + queue;
    }

    /**
     * Starts reordering on {@code context}'s stack.
     *
     * @throws IllegalArgumentException when the queue is a FIFO queue
     */
    @Override
    public SemanticHook activate(FaultContext context) {
        SqsFaults.refuseFifo(queue, "reordering", "SQS FIFO queues keep the order of each message group");
        SimRandom random = context.random(queue);
        return new SqsHook() {
            @Override
            public <M extends Message> List<M> order(ResourceRef ref, List<M> messages) {
                if (!ref.name().equals(queue) || messages.size() < 2) {
                    return messages;
                }
                List<M> shuffled = new ArrayList<>(messages);
                for (int i = shuffled.size() - 1; i > 0; i--) {
                    Collections.swap(shuffled, i, random.nextInt(i + 1));
                }
                if (shuffled.equals(messages)) {
                    Collections.rotate(shuffled, 1); // a shuffle may draw the send order: never answer it
                }
                return shuffled;
            }

            @Override
            public String toString() {
                return Reordering.this.toString();
            }
        };
    }

    @Override
    public String toString() {
        return name() + ": each receive's messages out of send order";
    }
}
