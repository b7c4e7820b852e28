package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One thing that happened in a stack, stamped with the stack's clock and a sequence number that orders
 * entries across threads. Assertions, reports and metrics read these, whatever produced the traffic.
 *
 * <p>Every entry that concerns one resource names it with its {@link ResourceRef} (service, region, account
 * and name; {@link ResourceRef#arn()} is the ARN the SDK sees), so a queue, a table, a bucket, a function or
 * an API is the same value here as in a handle or a fault plan.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface LedgerEntry permits LedgerEntry.Request, LedgerEntry.Message,
        LedgerEntry.ItemWrite, LedgerEntry.ObjectWrite, LedgerEntry.Invocation, LedgerEntry.ApiRequest,
        LedgerEntry.HttpCall {

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
     * @param queue the queue (its region is {@code queue().region()}, its ARN {@code queue().arn()})
     * @param messageId the SQS message id
     * @param receiveCount the message's receive count after this step
     * @param consumer who received or deleted it (the caller's access key id), where known
     * @param messageGroupId the message's MessageGroupId (FIFO queues, or a standard queue's fair-queue
     *     group), or {@code null}: per-group order can be checked from the ledger alone
     * @param body the message's body on its {@link MessageEvent#SENT} step, {@code null} on every other step
     *     (one body per send: a message's business key can be read from the ledger alone). It is the very
     *     {@code String} the queue holds, not a copy, so it costs nothing while the message is in its queue;
     *     once the message is deleted, the ledger keeps the body reachable: up to the queue's
     *     MaximumMessageSize (256 KiB by default, at most 1 MiB) per sent message, for as long as the entry is
     *     kept. A ledger limit bounds the entries kept, and so the bodies; an unlimited ledger keeps every
     *     body sent until {@code Stack.reset()} or the stack closes.
     */
    record Message(long sequence, Instant at, MessageEvent kind, ResourceRef queue, String messageId,
            int receiveCount, String consumer, String messageGroupId, String body) implements LedgerEntry {

        /** A step of a message without a group. */
        public Message(long sequence, Instant at, MessageEvent kind, ResourceRef queue, String messageId,
                int receiveCount, String consumer) {
            this(sequence, at, kind, queue, messageId, receiveCount, consumer, null);
        }

        /** A step without a body (any step but {@link MessageEvent#SENT}, or a send recorded without one). */
        public Message(long sequence, Instant at, MessageEvent kind, ResourceRef queue, String messageId,
                int receiveCount, String consumer, String messageGroupId) {
            this(sequence, at, kind, queue, messageId, receiveCount, consumer, messageGroupId, null);
        }
    }

    /**
     * A write to a DynamoDB item, whether applied or refused by its condition.
     *
     * @param table the table (for a global table, the replica in the region that was written)
     * @param key the item's primary key, compactly: {@code id=abc} or {@code pk=a, sk=5}
     * @param operation the operation that wrote, e.g. {@code PutItem}, {@code TransactWriteItems}, or
     *     {@code Replication} and {@code TimeToLive} for writes the service made itself
     * @param outcome whether the write was applied or its condition failed
     */
    record ItemWrite(long sequence, Instant at, ResourceRef table, String key, String operation,
            ConditionOutcome outcome) implements LedgerEntry {
    }

    /**
     * A write to an S3 object, one per key, whether applied or refused by a precondition. An idempotent
     * consumer shows here as one applied write per key, or as refused conditional writes after the first.
     *
     * @param bucket the bucket (in the region it lives in)
     * @param key the object's key
     * @param versionId the version id S3 answers for the write, as in its {@code x-amz-version-id} header:
     *     {@code null} in a bucket that was never versioned, {@code "null"} in a bucket whose versioning is
     *     suspended, the new version's id (or the delete marker's) in a versioned bucket, the removed
     *     version's id for a delete of a given version; {@code null} for a write a precondition refused
     * @param kind what the write did
     * @param operation the S3 operation that wrote: {@code PutObject}, {@code PostObject}, {@code CopyObject},
     *     {@code CompleteMultipartUpload}, {@code DeleteObject} or {@code DeleteObjects} (one entry per key)
     * @param outcome whether it was applied or a precondition refused it
     */
    record ObjectWrite(long sequence, Instant at, ResourceRef bucket, String key, String versionId,
            ObjectWriteKind kind, String operation, WriteOutcome outcome) implements LedgerEntry {
    }

    /** What an S3 object write did. */
    enum ObjectWriteKind {
        /** PutObject or a browser-form PostObject stored a new object (or a new version of one). */
        PUT,
        /** CopyObject stored a copy of another object. */
        COPY,
        /** CompleteMultipartUpload joined the uploaded parts into the object. */
        COMPLETE_MULTIPART_UPLOAD,
        /**
         * A delete removed an object, or the given version of one; also a delete of a key that was not
         * there, which S3 answers with success as well.
         */
        DELETE,
        /** A delete without a version id in a versioned (or suspended) bucket added a delete marker. */
        DELETE_MARKER
    }

    /** What became of a (possibly conditional) object write. */
    enum WriteOutcome {
        /** The write was applied (its preconditions, if any, held). */
        APPLIED,
        /**
         * A precondition refused it and the object was left as it was: {@code If-None-Match: *} on an existing
         * key or an {@code If-Match} ETag that does not match (PutObject, CopyObject, CompleteMultipartUpload;
         * 412 PreconditionFailed, 404 NoSuchKey for If-Match on a missing key, or 409
         * ConditionalRequestConflict when a concurrent write changed the key before the commit), a
         * CopyObject source condition ({@code x-amz-copy-source-if-*}, 412), or a conditional delete's
         * {@code If-Match} (DeleteObject's header or a DeleteObjects entry's {@code ETag}; 412, or 404 NoSuchKey
         * when the key has no current object), recorded with the kind the delete would have been.
         */
        PRECONDITION_FAILED
    }

    /**
     * One invocation of a Lambda function, from any trigger.
     *
     * @param function the function (unqualified: the name, not a version or alias)
     * @param requestId the invocation's request id (the Context's {@code getAwsRequestId()})
     * @param environmentId the execution environment that ran it, or null when throttled
     * @param coldStart true if a new execution environment was started for it
     * @param start when the handler started (or the invocation was refused), on the stack's clock
     * @param end when it ended, on the stack's clock
     * @param outcome how it ended
     * @param trigger who invoked: {@code invoke}, {@code invoke:event}, {@code sqs:<queueArn>} (the queue's
     *     {@link ResourceRef#arn()}), {@code apigateway:<apiId>}
     * @param carried the SQS message ids (or API request id) the event carried
     */
    record Invocation(long sequence, Instant at, ResourceRef function, String requestId,
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
     * @param api the API ({@link AwsService#APIGATEWAY}; its name is the API's id)
     * @param stage the stage name
     * @param routeKey the route that matched, e.g. {@code GET /orders/{id}}, or null if none did
     * @param method the HTTP method
     * @param path the path below the stage
     * @param status the HTTP status answered
     * @param latency virtual time from arrival to answer
     * @param throttled true if a throttle or quota refused it (429)
     */
    record ApiRequest(long sequence, Instant at, ResourceRef api, String stage, String routeKey, String method,
            String path, int status, Duration latency, boolean throttled) implements LedgerEntry {
    }

    /**
     * One call served by an HTTP dependency outside the engine (a payment provider stubbed in the test, say),
     * recorded by code outside the engine through {@link Ledger#recordHttpCall}. The idempotency assertions
     * count a call answered with a 2xx status as an effect of its business key.
     *
     * @param dependency the dependency's name, e.g. {@code payments}
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the request's path and query, e.g. {@code /charges}
     * @param businessKey the business key read from the request (a header such as {@code Idempotency-Key}, a body
     *     field, a path segment), or {@code null} when the request carried none
     * @param status the HTTP status answered, or 0 when none was (the connection was reset)
     * @param fault the fault applied to the call, e.g. {@code latency 2s} or {@code connection reset}, or
     *     {@code null}
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    record HttpCall(long sequence, Instant at, String dependency, String method, String path, String businessKey,
            int status, String fault) implements LedgerEntry {
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
