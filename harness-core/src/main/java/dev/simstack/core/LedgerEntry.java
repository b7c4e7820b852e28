package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One thing that happened in a stack, stamped with the stack's clock and a sequence number that orders
 * entries across threads. Assertions, reports and metrics read these, whatever produced the traffic.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface LedgerEntry permits LedgerEntry.Request, LedgerEntry.Message {

    /** Position in the ledger, from 0, in the order entries were appended. */
    long sequence();

    /** When it happened, on the stack's clock. */
    Instant at();

    /**
     * A request that reached the engine.
     *
     * @param service signing name of the service, e.g. {@code sqs}
     * @param operation the operation, e.g. {@code SendMessage}
     * @param region the region from the request's SigV4 credential scope
     * @param protocol the wire protocol the request came in, e.g. {@code json} or {@code query}
     * @param status the HTTP status answered
     * @param errorCode the AWS error code answered, or {@code null} on success
     * @param fault the fault an interceptor applied, or {@code null}
     * @param latency virtual time from arrival to answer (long polls and injected latency show here)
     */
    record Request(long sequence, Instant at, String service, String operation, String region,
            String protocol, int status, String errorCode, String fault, Duration latency)
            implements LedgerEntry {
    }

    /**
     * A step in a message's life.
     *
     * @param kind what happened
     * @param region the queue's region
     * @param queue the queue's ARN
     * @param messageId the SQS message id
     * @param receiveCount the message's receive count after this step
     * @param consumer who received or deleted it (the caller's access key id), where known
     */
    record Message(long sequence, Instant at, MessageEvent kind, String region, String queue,
            String messageId, int receiveCount, String consumer) implements LedgerEntry {
    }

    /** The steps of a message's life that the ledger records. */
    enum MessageEvent {
        /** Accepted by SendMessage or SendMessageBatch (or moved in by a redrive). */
        SENT,
        /** Returned by a receive; {@code receiveCount} says which delivery this was. */
        DELIVERED,
        /** Deleted by DeleteMessage or DeleteMessageBatch. */
        DELETED,
        /** Moved to the dead-letter queue after {@code maxReceiveCount} receives. */
        MOVED_TO_DLQ,
        /** Removed because it outlived the queue's MessageRetentionPeriod. */
        EXPIRED,
        /** Removed by PurgeQueue or with its queue. */
        PURGED,
        /** Dropped as a duplicate inside the FIFO deduplication window. */
        DEDUPLICATED
    }
}
