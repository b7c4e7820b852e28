package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.sqs.ReceiveRequest;
import dev.simstack.core.internal.services.sqs.ReceivedMessage;
import dev.simstack.core.internal.services.sqs.SqsPort;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SQS calls an event source mapping's pollers make: SQS's own typed operations, in-process (no HTTP,
 * no interceptors, as AWS's pollers are internal), so receive counts, redrive to the dead-letter queue,
 * long-poll wake-ups and the ledger all apply unchanged. The poller is the consumer the ledger names.
 */
final class InProcessSqs {

    /** The poller's identity in the ledger's consumer column. */
    static final String POLLER = "lambda-event-source-mapping";

    private final SqsPort sqs;

    InProcessSqs(SqsPort sqs) {
        this.sqs = sqs;
    }

    /** Does the queue exist? */
    boolean exists(ResourceRef queue) {
        return sqs.exists(queue);
    }

    /** ReceiveMessage with every attribute, long polling up to {@code waitSeconds}; fails if the queue went. */
    CompletionStage<List<ReceivedMessage>> receive(ResourceRef queue, int max, int waitSeconds) {
        try {
            return sqs.receive(queue, ReceiveRequest.everything(max, waitSeconds, POLLER));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The batch's messages a semantic fault poisons (the invocation fails on them); empty for none. */
    java.util.Set<String> poisoned(ResourceRef queue, List<ReceivedMessage> batch) {
        return sqs.poisoned(queue, batch);
    }

    /**
     * Deletes each handle; one that no longer deletes (its message went back to the queue, or the queue
     * went) is skipped, as the entries of a DeleteMessageBatch fail one by one.
     */
    void delete(ResourceRef queue, List<String> receiptHandles) {
        for (String handle : receiptHandles) {
            try {
                sqs.delete(queue, handle, POLLER);
            } catch (AwsException e) {
                if ("QueueDoesNotExist".equals(e.code())) {
                    return;
                }
            }
        }
    }

    /**
     * Makes each message visible again at once (ChangeMessageVisibility 0), for a batch no function will see;
     * one that no longer changes (the queue went, or the message is no longer in flight) is skipped.
     */
    void release(ResourceRef queue, List<ReceivedMessage> messages) {
        for (ReceivedMessage message : messages) {
            try {
                sqs.changeVisibility(queue, message.receiptHandle(), 0);
            } catch (AwsException e) {
                if ("QueueDoesNotExist".equals(e.code())) {
                    return;
                }
            }
        }
    }
}
