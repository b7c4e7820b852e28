package dev.simstack.fault;

import dev.simstack.core.AwsService;
import dev.simstack.core.CallResult;
import dev.simstack.core.DynamoDbHook;
import dev.simstack.core.Interceptor;
import dev.simstack.core.LambdaHook;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.Stack;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link RegionOutage} on a stack: on the wire (the {@link FaultInjector} passes every call its rules let
 * through to hooks that are also {@link Interceptor}s), in replication, and in event source mappings.
 */
final class RegionOutageHook implements DynamoDbHook, LambdaHook, Interceptor {

    private final RegionOutage outage;
    private final FaultWindow window;
    private final Stack stack;

    RegionOutageHook(RegionOutage outage, FaultWindow window, Stack stack) {
        this.outage = outage;
        this.window = window;
        this.stack = stack;
    }

    private boolean down() {
        return window.contains(stack.clock().now());
    }

    @Override
    public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
        if (!down() || !inFailedRegion(call)) {
            return next.proceed(call);
        }
        call.noteFault(outage.name());
        if (outage.mode() == RegionOutage.Mode.CONNECTION_RESET) {
            return CompletableFuture.completedFuture(CallResult.connectionReset());
        }
        FaultError error = outage.mode() == RegionOutage.Mode.INTERNAL_ERROR ? FaultError.internal(call.service())
                : FaultError.unavailable(call.service());
        if (outage.mode() != RegionOutage.Mode.TIMEOUT) {
            return CompletableFuture.completedFuture(CallResult.failure(error.toException()));
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        stack.clock().schedule(outage.latency(), () -> answer.complete(CallResult.failure(error.toException())));
        return answer;
    }

    /**
     * Whether the call is signed for a failed region, or invokes an API deployed in one: an invocation is unsigned,
     * and the engine gives it its API's region, whether the API was declared, made by a template or by the API.
     */
    private boolean inFailedRegion(ServiceCall call) {
        return outage.regions().contains(call.region());
    }

    @Override
    public Instant replicationHeldUntil(String table, String sourceRegion, String targetRegion, Instant written) {
        boolean touches = outage.regions().contains(sourceRegion) || outage.regions().contains(targetRegion);
        return touches && down() ? window.end() : null;
    }

    @Override
    public boolean eventSourceMappingPaused(String region, String functionName) {
        return outage.regions().contains(region) && down();
    }

    @Override
    public String toString() {
        return outage.toString();
    }
}
