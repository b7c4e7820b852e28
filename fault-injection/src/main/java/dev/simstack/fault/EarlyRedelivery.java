package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.SqsHook;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A message's visibility timeout runs out while its consumer still works: the message becomes visible again
 * {@code after} its first receive (on the stack's clock, sooner than its visibility timeout), so another receive
 * gets it mid-handler, with a new receipt handle and ApproximateReceiveCount 2; the first consumer's delete with
 * its old handle then succeeds without deleting ("you must provide the most recently received receipt handle").
 * This is what AWS does to a consumer slower than its queue's VisibilityTimeout; the fault makes it happen on the
 * messages picked ({@link MessageMatcher}, probability drawn per message from the queue's stream), once each, at
 * their first receive. An immutable value: {@code EarlyRedelivery.on("orders", Duration.ofSeconds(5))}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class EarlyRedelivery implements SemanticFault {

    private final String queue;
    private final Duration after;
    private final MessageMatcher matcher;
    private final double probability;
    private final long times;

    private EarlyRedelivery(String queue, Duration after, MessageMatcher matcher, double probability, long times) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.after = Objects.requireNonNull(after, "after");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        MessageSelection.check("early redelivery on " + queue, probability, 0, times);
        if (after.isNegative()) {
            throw new IllegalArgumentException("early redelivery on " + queue + ": after " + after + " is negative");
        }
        this.probability = probability;
        this.times = times;
    }

    /**
     * Every message of {@code queue} visible again {@code after} its first receive.
     *
     * @param queue the queue's name
     * @param after on the stack's clock; a visibility timeout shorter than this is left alone
     * @return the fault
     */
    public static EarlyRedelivery on(String queue, Duration after) {
        return new EarlyRedelivery(queue, after, MessageMatcher.any(), 1, Long.MAX_VALUE);
    }

    /**
     * This fault on the messages {@code next} matches only.
     *
     * @param next the matcher
     * @return the new fault
     */
    public EarlyRedelivery withMatcher(MessageMatcher next) {
        return new EarlyRedelivery(queue, after, next, probability, times);
    }

    /**
     * This fault on each matching message with probability {@code next}.
     *
     * @param next in (0, 1]
     * @return the new fault
     */
    public EarlyRedelivery withProbability(double next) {
        return new EarlyRedelivery(queue, after, matcher, next, times);
    }

    /**
     * This fault on at most {@code next} messages.
     *
     * @param next the limit
     * @return the new fault
     */
    public EarlyRedelivery withTimes(long next) {
        return new EarlyRedelivery(queue, after, matcher, probability, next);
    }

    @Override
    public String name() {
        return "early-redelivery on " + queue;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        MessageSelection selection = new MessageSelection(matcher, probability, 0, times, context.random(queue));
        return new SqsHook() {
            @Override
            public void sent(ResourceRef ref, Message message) {
                if (ref.name().equals(queue)) {
                    selection.sent(message);
                }
            }

            @Override
            public Duration visibleAgainAfter(ResourceRef ref, Message message, Duration visibilityTimeout) {
                return ref.name().equals(queue) && message.receiveCount() == 1 && selection.fault(message) ? after
                        : null;
            }

            @Override
            public String toString() {
                return EarlyRedelivery.this.toString();
            }
        };
    }

    @Override
    public String toString() {
        return name() + ": visible again " + after + " after the first receive, "
                + MessageSelection.describe(matcher, probability, 0, times);
    }
}
