package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The fault points of SQS's queues (sends, receives, deletes, visibility): see {@link SemanticHook}. The service
 * calls these methods where AWS may behave that way on its own, under the queue's lock (so the calls to one queue
 * come in one order, the one a replay repeats); every default changes nothing.
 *
 * <p>What SQS documents and these points allow: standard queues deliver "at least once" (a message may be handed
 * out again, even after it was deleted) with "best-effort ordering", a short-polling receive samples a subset of
 * the servers and may return fewer messages than are available (even none), and a message becomes visible again
 * once its visibility timeout ends, whether or not its consumer is done. FIFO queues promise exactly-once
 * processing and order, so the service never asks the duplicate and order points for them.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface SqsHook extends SemanticHook {

    /** A message as the fault points see it: what a matcher may look at, read-only. */
    @API(status = EXPERIMENTAL, since = "0.2")
    interface Message {

        /**
         * The MessageId.
         *
         * @return the id
         */
        String messageId();

        /**
         * The body.
         *
         * @return the body
         */
        String body();

        /**
         * The message attributes' values: a String or Number attribute's string, a Binary one's bytes in Base64.
         *
         * @return the values by attribute name, sorted; empty for none
         */
        Map<String, String> messageAttributes();

        /**
         * ApproximateReceiveCount now: 0 before the first receive, 1 during the first delivery's point.
         *
         * @return the receive count
         */
        int receiveCount();
    }

    /**
     * A message was accepted by a send (not called for a FIFO duplicate, which is dropped).
     *
     * @param queue the queue
     * @param message the message, not received yet
     */
    default void sent(ResourceRef queue, Message message) {
    }

    /**
     * How many messages a receive may return: fewer than it asked for and than are visible is a short (or empty)
     * receive, as short polling may answer.
     *
     * @param queue the queue
     * @param max the receive's MaxNumberOfMessages
     * @param visible how many messages are visible now
     * @return the most the receive returns, from 0 to {@code max}
     */
    default int receiveLimit(ResourceRef queue, int max, int visible) {
        return max;
    }

    /**
     * The order a standard queue's receive returns the messages it picked in.
     *
     * @param <M> the messages' type
     * @param queue the queue
     * @param messages the picked messages, in the order they were sent
     * @return the same messages in the order to answer (not a subset)
     */
    default <M extends Message> List<M> order(ResourceRef queue, List<M> messages) {
        return messages;
    }

    /**
     * Whether a standard queue's receive hands this message out twice in the same answer (two receipt handles,
     * the second the current one).
     *
     * @param queue the queue
     * @param message the message just received
     * @return true for a second copy
     */
    default boolean deliverTwice(ResourceRef queue, Message message) {
        return false;
    }

    /**
     * When a message just received becomes visible again: its visibility timeout, or earlier, so that another
     * receive gets it while its consumer still works (a zero duration hands it to the next receive).
     *
     * @param queue the queue
     * @param message the message just received
     * @param visibilityTimeout the receive's visibility timeout
     * @return the time until it is visible again, or {@code null} for its visibility timeout
     */
    default Duration visibleAgainAfter(ResourceRef queue, Message message, Duration visibilityTimeout) {
        return null;
    }

    /**
     * Whether a standard queue keeps a message its consumer deleted (the delete succeeds) and hands it out again
     * later, as at-least-once delivery allows.
     *
     * @param queue the queue
     * @param message the message being deleted
     * @return the time until it is visible again, or {@code null} to delete it
     */
    default Duration keepAfterDelete(ResourceRef queue, Message message) {
        return null;
    }

    /**
     * Whether a Lambda event source mapping's invocation fails on this message: without ReportBatchItemFailures
     * its whole batch fails, with it the message is reported as a failed item; either way it is not deleted, so
     * it comes back after its visibility timeout and the queue's redrive policy counts the receive.
     *
     * @param queue the mapping's queue
     * @param message the message, in a batch just handed to the function
     * @return true when the consumer fails on it
     */
    default boolean poisons(ResourceRef queue, Message message) {
        return false;
    }
}
