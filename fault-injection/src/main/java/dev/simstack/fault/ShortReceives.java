package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.SimRandom;
import dev.simstack.core.SqsHook;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Receives return fewer messages than are available, even none, as SQS's short polling may ("queries only a
 * subset of its servers ... you might not receive all of your messages" and "an empty response" while messages
 * wait). A shortened receive returns {@code atMost} messages, or, when {@code atMost} is unset, a count drawn
 * from the queue's stream, from 0 to one less than it would have returned. Each receive is shortened with
 * {@code probability}. An immutable value: {@code ShortReceives.on("orders").withAtMost(0)} for empty receives.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ShortReceives implements SemanticFault {

    private final String queue;
    private final double probability;
    private final int atMost;

    private ShortReceives(String queue, double probability, int atMost) {
        this.queue = Objects.requireNonNull(queue, "queue");
        MessageSelection.check("short receives on " + queue, probability, 0, 1);
        this.probability = probability;
        this.atMost = atMost;
    }

    /**
     * Every receive from {@code queue} returns fewer messages than available (a drawn count).
     *
     * @param queue the queue's name
     * @return the fault
     */
    public static ShortReceives on(String queue) {
        return new ShortReceives(queue, 1, -1);
    }

    /**
     * This fault shortening each receive with probability {@code next}.
     *
     * @param next in (0, 1]
     * @return the new fault
     */
    public ShortReceives withProbability(double next) {
        return new ShortReceives(queue, next, atMost);
    }

    /**
     * This fault answering a shortened receive with at most {@code next} messages (0 for empty receives).
     *
     * @param next 0 or more
     * @return the new fault
     */
    public ShortReceives withAtMost(int next) {
        if (next < 0) {
            throw new IllegalArgumentException("short receives on " + queue + ": atMost " + next + " is negative");
        }
        return new ShortReceives(queue, probability, next);
    }

    @Override
    public String name() {
        return "short-receives on " + queue;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        SimRandom random = context.random(queue);
        return new SqsHook() {
            @Override
            public int receiveLimit(ResourceRef ref, int max, int visible) {
                int available = Math.min(max, visible);
                if (!ref.name().equals(queue) || available == 0 || (probability < 1 && !random.chance(probability))) {
                    return max;
                }
                return atMost >= 0 ? Math.min(atMost, available - 1) : random.nextInt(available);
            }

            @Override
            public String toString() {
                return ShortReceives.this.toString();
            }
        };
    }

    @Override
    public String toString() {
        return name() + ": " + (atMost >= 0 ? "at most " + atMost : "fewer") + " messages than available"
                + (probability < 1 ? ", probability " + probability : "");
    }
}
