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
public sealed interface LedgerEntry permits LedgerEntry.Request, LedgerEntry.Message,
        LedgerEntry.ItemWrite, LedgerEntry.Invocation, LedgerEntry.ApiRequest {

    /** Position in the ledger, from 0, in the order entries were appended. */
    long sequence();

    /** When it happened, on the stack's clock. */
    Instant at();

    /**
     * A request that reached the engine.
     *
     * @param sequence position in the ledger
     * @param at when it was answered, on the stack's clock
     * @param service the service it was for; {@code null} when it named no service this stack has (an
     *     {@code X-Amz-Target} or Query {@code Action} no service answers; such requests are answered with an
     *     error and recorded with operation {@code Unknown})
     * @param operation the operation, e.g. {@code SendMessage}; {@code Unknown} when it could not be read
     * @param region the region from the request's SigV4 credential scope
     * @param resource the queue, table, bucket, function or API it addressed (see
     *     {@link ServiceCall#resource()}), or {@code null} when it addressed none or could not be decoded
     * @param protocol the wire protocol the request came in, e.g. {@code json} or {@code query}
     * @param status the HTTP status answered
     * @param errorCode the AWS error code answered, or {@code null} on success
     * @param fault the fault an interceptor applied, or {@code null}
     * @param latency virtual time from arrival to answer (long polls and injected latency show here)
     */
    record Request(long sequence, Instant at, AwsService service, String operation, String region,
            ResourceRef resource, String protocol, int status, String errorCode, String fault, Duration latency)
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

    /**
     * A write to a DynamoDB item, whether applied or refused by its condition.
     *
     * @param table the table's name
     * @param region the table's region
     * @param key the item's primary key, compactly: {@code id=abc} or {@code pk=a, sk=5}
     * @param operation the operation that wrote, e.g. {@code PutItem}, {@code TransactWriteItems}, or
     *     {@code Replication} and {@code TimeToLive} for writes the service made itself
     * @param outcome whether the write was applied or its condition failed
     */
    record ItemWrite(long sequence, Instant at, String table, String region, String key, String operation,
            ConditionOutcome outcome) implements LedgerEntry {
    }

    /**
     * One invocation of a Lambda function, from any trigger.
     *
     * @param function the function's name
     * @param region the function's region
     * @param requestId the invocation's request id (the Context's {@code getAwsRequestId()})
     * @param environmentId the execution environment that ran it, or null when throttled
     * @param coldStart true if a new execution environment was started for it
     * @param start when the handler started (or the invocation was refused), on the stack's clock
     * @param end when it ended, on the stack's clock
     * @param outcome how it ended
     * @param trigger who invoked: {@code invoke}, {@code invoke:event}, {@code sqs:<queueArn>},
     *     {@code apigateway:<apiId>}
     * @param carried the SQS message ids (or API request id) the event carried
     */
    record Invocation(long sequence, Instant at, String function, String region, String requestId,
            String environmentId, boolean coldStart, Instant start, Instant end, InvocationOutcome outcome,
            String trigger, java.util.List<String> carried) implements LedgerEntry {
    }

    /** How an invocation ended. */
    enum InvocationOutcome {
        /** The handler returned. */
        SUCCESS,
        /** The handler threw, or could not be loaded, or its input could not be read. */
        ERROR,
        /** The handler ran past the function's timeout. */
        TIMEOUT,
        /** Refused for lack of concurrency; the handler never ran. */
        THROTTLED
    }

    /**
     * One request to an API Gateway API's stage.
     *
     * @param apiId the API's id
     * @param stage the stage name
     * @param routeKey the route that matched, e.g. {@code GET /orders/{id}}, or null if none did
     * @param method the HTTP method
     * @param path the path below the stage
     * @param status the HTTP status answered
     * @param latency virtual time from arrival to answer
     * @param throttled true if a throttle or quota refused it (429)
     */
    record ApiRequest(long sequence, Instant at, String apiId, String stage, String routeKey, String method,
            String path, int status, Duration latency, boolean throttled) implements LedgerEntry {
    }

    /** What became of a conditional (or unconditional) item write. */
    enum ConditionOutcome {
        /** The write was applied (its condition, if any, held). */
        APPLIED,
        /** The condition did not hold; the item was left as it was. */
        CONDITION_FAILED
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
