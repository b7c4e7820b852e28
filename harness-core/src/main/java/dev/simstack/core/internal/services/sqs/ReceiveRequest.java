package dev.simstack.core.internal.services.sqs;

import java.util.List;
import java.util.Set;

/**
 * A validated ReceiveMessage.
 *
 * @param maxMessages 1 to 10
 * @param visibilityTimeout seconds, or null for the queue's VisibilityTimeout
 * @param waitSeconds long-poll time, 0 to 20 (the queue's ReceiveMessageWaitTimeSeconds if not given)
 * @param systemAttributes message system attribute names to return, with All expanded
 * @param messageAttributeNames message attribute names or patterns to return
 * @param attemptId the FIFO ReceiveRequestAttemptId, or null
 * @param consumer the caller's access key id, for the ledger
 */
public record ReceiveRequest(int maxMessages, Integer visibilityTimeout, int waitSeconds,
        Set<String> systemAttributes, List<String> messageAttributeNames, String attemptId, String consumer) {

    private static final Set<String> ALL_SYSTEM_ATTRIBUTES = Set.copyOf(ReceiveAction.SYSTEM_ATTRIBUTES);

    /**
     * A receive of up to {@code maxMessages} with every system and message attribute, waiting up to
     * {@code waitSeconds}, under the queue's visibility timeout: what an event source mapping's poller asks.
     */
    public static ReceiveRequest everything(int maxMessages, int waitSeconds, String consumer) {
        if (maxMessages < 1 || maxMessages > 10 || waitSeconds < 0 || waitSeconds > 20) {
            throw new IllegalArgumentException("SQS receives 1 to 10 messages waiting 0 to 20 s, not "
                    + maxMessages + " waiting " + waitSeconds + " s");
        }
        return new ReceiveRequest(maxMessages, null, waitSeconds, ALL_SYSTEM_ATTRIBUTES, List.of("All"), null,
                consumer);
    }
}
