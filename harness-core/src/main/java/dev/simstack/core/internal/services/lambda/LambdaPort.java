package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.ResourceRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The typed door into Lambda inside the engine: Invoke of a function named by its {@link ResourceRef},
 * with the payload's bytes in and the handler's bytes (and function error) out, synchronously
 * (RequestResponse) or as an Event (queued, retried, sent to destinations). The Invoke operation decodes a
 * client's request into these same calls; API Gateway's integrations, S3 notifications and event source
 * mappings make them directly. Checking a client's payload (size, JSON) is the wire's part: the engine's
 * own events are JSON it wrote.
 */
public final class LambdaPort {

    /** The ledger's trigger for a client's synchronous and asynchronous Invoke. */
    static final String INVOKE = "invoke";
    static final String INVOKE_EVENT = "invoke:event";

    private final LambdaRegions regions;
    private final FunctionRuntime runtime;
    private final AsyncInvocations async;

    LambdaPort(LambdaRegions regions, FunctionRuntime runtime, AsyncInvocations async) {
        this.regions = regions;
        this.runtime = runtime;
        this.async = async;
    }

    /**
     * Invokes {@code function} (its {@code qualifier}, a version or alias, or null for $LATEST) and
     * completes when the handler ends, times out or is throttled; the result says which.
     *
     * @param trigger who invokes, for the ledger, e.g. {@code apigateway:a1b2c3}
     * @param carried ids the invocation carries (a batch's message ids, an API request's id), for the ledger
     * @throws dev.simstack.core.AwsException ResourceNotFoundException when there is no such function or version
     */
    public CompletableFuture<InvocationResult> invoke(ResourceRef function, String qualifier, byte[] payload,
            String trigger, List<String> carried) {
        return invoke(function(function), qualifier, payload, trigger, carried);
    }

    /**
     * Queues an Event invocation of {@code function}, as AWS services invoke: retried on error and sent to
     * the function's destinations and dead-letter queue; the caller learns nothing of its outcome.
     *
     * @throws dev.simstack.core.AwsException ResourceNotFoundException when there is no such function or version
     */
    public void invokeEvent(ResourceRef function, String qualifier, byte[] payload, String trigger) {
        invokeEvent(function(function), qualifier, payload, trigger);
    }

    // The Invoke operation looks the function up first (ResourceNotFoundException comes before payload
    // errors) and then calls these overloads, which the public ones call too.

    CompletableFuture<InvocationResult> invoke(LambdaFunction function, String qualifier, byte[] payload,
            String trigger, List<String> carried) {
        FunctionRuntime.Request request = request(function, qualifier, payload, trigger, carried);
        return runtime.invoke(request, regions.region(function.region()).limits());
    }

    /**
     * The same for an event source mapping's poller born in {@code generation}: after a reset since, nothing
     * runs and the future fails with a CancellationException.
     */
    CompletableFuture<InvocationResult> invoke(LambdaFunction function, String qualifier, byte[] payload,
            String trigger, List<String> carried, long generation) {
        FunctionRuntime.Request request = request(function, qualifier, payload, trigger, carried);
        return runtime.invoke(request, regions.region(function.region()).limits(), generation);
    }

    /** Lambda's generation: a reset starts a new one, and work of an older one is dropped. */
    long generation() {
        return runtime.generation();
    }

    void invokeEvent(LambdaFunction function, String qualifier, byte[] payload, String trigger) {
        async.submit(regions.region(function.region()), request(function, qualifier, payload, trigger, List.of()));
    }

    /** Checks that the qualifier names a version (Invoke's DryRun). */
    void dryRun(LambdaFunction function, String qualifier) {
        VersionActions.resolve(function, qualifier);
    }

    /** The function {@code ref} names, or ResourceNotFoundException. */
    LambdaFunction function(ResourceRef ref) {
        LambdaFunction function = regions.find(ref);
        if (function == null) {
            throw LambdaErrors.functionNotFound(ref.arn());
        }
        return function;
    }

    private static FunctionRuntime.Request request(LambdaFunction function, String qualifier, byte[] payload,
            String trigger, List<String> carried) {
        String version = VersionActions.resolve(function, qualifier);
        FunctionConfig config = version.equals("$LATEST") ? function.config()
                : function.version(Integer.parseInt(version));
        return new FunctionRuntime.Request(function, config, version, payload, trigger, carried);
    }
}
