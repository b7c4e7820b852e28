package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One decoded request on its way to a service: which service, operation and region, and who called.
 * {@link Interceptor}s see every call before the service does. Only the engine makes calls; an interceptor
 * passes on the call it was given.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ServiceCall {

    /** The service called. */
    AwsService service();

    /** The operation name as the service model spells it, e.g. {@code ReceiveMessage}. */
    String operation();

    /** The region from the request's SigV4 credential scope (the stack's default region if unsigned). */
    String region();

    /** The account the call acts in. */
    String accountId();

    /** The request id answered in {@code x-amzn-RequestId}. */
    String requestId();

    /** The access key id of the caller's credentials, or {@code null} for an unsigned request. */
    String accessKeyId();

    /** When the request arrived, on the stack's clock. */
    Instant arrival();

    /** Records that an interceptor applied {@code description} to this call; the ledger shows it. */
    void noteFault(String description);

    /** The fault noted on this call, or {@code null}. */
    String fault();
}
