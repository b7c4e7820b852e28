package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.SqsHook;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A standard queue hands a message out again, as SQS's at-least-once delivery allows ("you might receive a copy
 * of the message again ... design your applications to be idempotent"): after its consumer deleted it
 * ({@link Mode#AFTER_DELETE}), twice in one receive ({@link Mode#SAME_RECEIVE}), or to the next receive while the
 * first consumer still holds it ({@link Mode#TWO_RECEIVES}). Each copy is a real delivery: same MessageId, a new
 * receipt handle, ApproximateReceiveCount one higher, a {@code DELIVERED} entry in the ledger.
 *
 * <p>Messages are picked by a {@link MessageMatcher}, then either exactly the {@code nth} matching message sent or
 * each with {@code probability} (drawn from the queue's own stream, so a replay with the same seed duplicates the
 * same messages); each picked message is duplicated once. FIFO queues are refused: AWS gives them exactly-once
 * processing. An immutable value: {@code DuplicateDelivery.on("orders").withNth(3)}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DuplicateDelivery implements SemanticFault {

    /** How the copy reaches the consumers. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public enum Mode {
        /** The delete succeeds, yet the message is visible again later (after {@link #withAfter}). */
        AFTER_DELETE,
        /** One receive answers the message twice, with two receipt handles (the second is the current one). */
        SAME_RECEIVE,
        /** The message stays visible after a receive, so the next receive gets it too. */
        TWO_RECEIVES
    }

    private final String queue;
    private final Mode mode;
    private final MessageMatcher matcher;
    private final double probability;
    private final long nth;
    private final long times;
    private final Duration after;

    private DuplicateDelivery(String queue, Mode mode, MessageMatcher matcher, double probability, long nth,
            long times, Duration after) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.after = Objects.requireNonNull(after, "after");
        MessageSelection.check("duplicate delivery on " + queue, probability, nth, times);
        if (after.isNegative()) {
            throw new IllegalArgumentException("duplicate delivery on " + queue + ": after " + after + " is negative");
        }
        this.probability = probability;
        this.nth = nth;
        this.times = times;
    }

    /**
     * Every message of the standard queue {@code queue} delivered again after its delete.
     *
     * @param queue the queue's name
     * @return the fault
     */
    public static DuplicateDelivery on(String queue) {
        return new DuplicateDelivery(queue, Mode.AFTER_DELETE, MessageMatcher.any(), 1, 0, Long.MAX_VALUE,
                Duration.ZERO);
    }

    /**
     * This fault with another way of duplicating.
     *
     * @param next the mode
     * @return the new fault
     */
    public DuplicateDelivery withMode(Mode next) {
        return new DuplicateDelivery(queue, next, matcher, probability, nth, times, after);
    }

    /**
     * This fault on the messages {@code next} matches only.
     *
     * @param next the matcher
     * @return the new fault
     */
    public DuplicateDelivery withMatcher(MessageMatcher next) {
        return new DuplicateDelivery(queue, mode, next, probability, nth, times, after);
    }

    /**
     * This fault duplicating each matching message with probability {@code next}.
     *
     * @param next in (0, 1]
     * @return the new fault
     */
    public DuplicateDelivery withProbability(double next) {
        return new DuplicateDelivery(queue, mode, matcher, next, nth, times, after);
    }

    /**
     * This fault duplicating exactly the {@code next}th matching message sent (1 for the first); 0 for none.
     *
     * @param next the position in send order
     * @return the new fault
     */
    public DuplicateDelivery withNth(long next) {
        return new DuplicateDelivery(queue, mode, matcher, probability, next, times, after);
    }

    /**
     * This fault duplicating at most {@code next} messages.
     *
     * @param next the limit
     * @return the new fault
     */
    public DuplicateDelivery withTimes(long next) {
        return new DuplicateDelivery(queue, mode, matcher, probability, nth, next, after);
    }

    /**
     * This fault with deleted messages visible again {@code next} after their delete ({@link Mode#AFTER_DELETE}).
     *
     * @param next on the stack's clock; zero for at once
     * @return the new fault
     */
    public DuplicateDelivery withAfter(Duration next) {
        return new DuplicateDelivery(queue, mode, matcher, probability, nth, times, next);
    }

    /**
     * The queue's name.
     *
     * @return the name
     */
    public String queue() {
        return queue;
    }

    /**
     * The mode.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    @Override
    public String name() {
        return "duplicate-delivery on " + queue;
    }

    /**
     * Starts duplicating on {@code context}'s stack.
     *
     * @throws IllegalArgumentException when the queue is a FIFO queue
     */
    @Override
    public SemanticHook activate(FaultContext context) {
        SqsFaults.refuseFifo(queue, "duplicate delivery", "SQS FIFO queues deliver each message exactly once"
                + " (exactly-once processing); duplicates are a standard queue's at-least-once delivery");
        MessageSelection selection = new MessageSelection(matcher, probability, nth, times, context.random(queue));
        return new Hook(selection);
    }

    @Override
    public String toString() {
        return name() + ": " + mode + " " + MessageSelection.describe(matcher, probability, nth, times)
                + (mode == Mode.AFTER_DELETE && !after.isZero() ? ", visible again after " + after : "");
    }

    /** The run's state: the selection, asked at the mode's point. */
    private final class Hook implements SqsHook {

        private final MessageSelection selection;

        Hook(MessageSelection selection) {
            this.selection = selection;
        }

        @Override
        public void sent(ResourceRef ref, Message message) {
            if (ref.name().equals(queue)) {
                selection.sent(message);
            }
        }

        @Override
        public boolean deliverTwice(ResourceRef ref, Message message) {
            return mode == Mode.SAME_RECEIVE && ref.name().equals(queue) && selection.fault(message);
        }

        @Override
        public Duration visibleAgainAfter(ResourceRef ref, Message message, Duration visibilityTimeout) {
            return mode == Mode.TWO_RECEIVES && ref.name().equals(queue) && selection.fault(message) ? Duration.ZERO
                    : null;
        }

        @Override
        public Duration keepAfterDelete(ResourceRef ref, Message message) {
            return mode == Mode.AFTER_DELETE && ref.name().equals(queue) && selection.fault(message) ? after : null;
        }

        @Override
        public String toString() {
            return DuplicateDelivery.this.toString();
        }
    }
}
