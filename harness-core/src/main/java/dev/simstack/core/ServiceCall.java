package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One decoded request on its way to a service: which service, operation, region and resource, who called,
 * and the request's input members. {@link Interceptor}s see every call before the service does. Only the
 * engine makes calls; an interceptor passes on the call it was given.
 *
 * <h2>Input members</h2>
 * {@link #member(String)} and {@link #members()} give the request's input as the engine decoded it, by the
 * member names of the service's API reference ({@code QueueUrl}, {@code TableName}, {@code Item},
 * {@code Bucket}, {@code FunctionName}), as plain Java values: {@link String}, {@link java.math.BigDecimal}
 * for numbers, {@link Boolean}, {@code byte[]} for a raw body, {@link java.util.List}, {@link Map} (in the
 * request's order) and {@code null}. They are read-only copies: changing them changes nothing the service
 * sees. Per protocol:
 * <ul>
 *   <li>SQS and DynamoDB (JSON and Query protocols): every member of the input, as the JSON protocol writes
 *       it (so DynamoDB attribute values stay {@code {"S": "..."}} maps, and blobs inside them base64 text,
 *       as AWS's JSON protocol sends them);</li>
 *   <li>Lambda and API Gateway (REST-JSON): the JSON body's members, the URI's path parameters under their
 *       template names ({@code FunctionName}, {@code restapi_id}; an API invocation's {@code apiId},
 *       {@code stage} and {@code proxy}) and the query parameters (first value); a raw body (Lambda's
 *       {@code Invoke} payload, an API invocation's request body) is {@code Payload}, a {@code byte[]};
 *       headers are not members;</li>
 *   <li>S3 (REST-XML): {@code Bucket} and {@code Key}, when the request addresses them. Headers, query
 *       parameters and the object body are not members: a body may be gigabytes spooled to disk, and is
 *       the service's to read.</li>
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ServiceCall {

    /**
     * The service called.
     *
     * @return the service
     */
    AwsService service();

    /**
     * The operation name as the service model spells it.
     *
     * @return the operation, e.g. {@code ReceiveMessage}
     */
    String operation();

    /**
     * The region from the request's SigV4 credential scope (the stack's default region if unsigned).
     *
     * @return the region, e.g. {@code us-east-1}
     */
    String region();

    /**
     * The account the call acts in.
     *
     * @return the twelve-digit account id
     */
    String accountId();

    /**
     * The request id answered in {@code x-amzn-RequestId} (S3: {@code x-amz-request-id}).
     *
     * @return the request id
     */
    String requestId();

    /**
     * The access key id of the caller's credentials.
     *
     * @return the access key id, or {@code null} for an unsigned request
     */
    String accessKeyId();

    /**
     * When the request arrived, on the stack's clock.
     *
     * @return the arrival instant
     */
    Instant arrival();

    /**
     * The queue, table, bucket, function or REST API the call addresses, when it addresses one:
     * <ul>
     *   <li>SQS: the queue of {@code QueueUrl} (its name and account from the URL, the call's region), or of
     *       {@code QueueName} ({@code CreateQueue}, {@code GetQueueUrl});</li>
     *   <li>DynamoDB: the table of {@code TableName} (a name or a table ARN); for {@code BatchGetItem},
     *       {@code BatchWriteItem}, {@code TransactGetItems} and {@code TransactWriteItems}, the one table all
     *       their items address, and empty when they address several; for {@code ExecuteStatement},
     *       {@code BatchExecuteStatement} and {@code ExecuteTransaction}, the one table their PartiQL
     *       statements name, likewise;</li>
     *   <li>S3: {@code Bucket}, in the call's region;</li>
     *   <li>Lambda: the function of {@code FunctionName}, whether a name, a partial ARN or an ARN, without its
     *       version or alias;</li>
     *   <li>API Gateway: the REST API of the {@code restapi_id} path parameter (management calls) or
     *       {@code apiId} (an invocation of the API).</li>
     * </ul>
     * Empty for calls that address no single resource ({@code ListQueues}) or name it in a form that cannot
     * be read (a malformed ARN; the service answers that call with its own error).
     *
     * @return the resource, or empty
     */
    Optional<ResourceRef> resource();

    /**
     * One input member, by its name in the service's API reference.
     *
     * @param name the member name, e.g. {@code QueueUrl}
     * @return the member's value as a plain Java value (see the type's documentation), or empty when the
     *     input has no such member or it is {@code null}
     */
    Optional<Object> member(String name);

    /**
     * Every input member, in the request's order.
     *
     * @return an unmodifiable map of member name to plain Java value (see the type's documentation)
     */
    Map<String, Object> members();

    /**
     * Records that an interceptor applied {@code description} to this call; the ledger shows it.
     *
     * @param description what was applied, e.g. a fault rule's name
     */
    void noteFault(String description);

    /**
     * The fault noted on this call.
     *
     * @return the description given to {@link #noteFault(String)}, or {@code null}
     */
    String fault();
}
