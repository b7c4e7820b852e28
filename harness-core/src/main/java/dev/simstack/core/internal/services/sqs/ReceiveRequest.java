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
record ReceiveRequest(int maxMessages, Integer visibilityTimeout, int waitSeconds, Set<String> systemAttributes,
        List<String> messageAttributeNames, String attemptId, String consumer) {
}
