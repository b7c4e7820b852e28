package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.ResetGate;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.HttpAnswer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a call through the stack's interceptors, in order, and then its service. The service's answer is
 * encoded in the call's protocol as soon as the service gives it, so every interceptor sees the status the
 * caller will get; its AWS errors become failed {@link CallResult}s, so interceptors see those too.
 */
final class InterceptorChain {

    private final List<Interceptor> interceptors;
    private final ResetGate gate;
    /** Where calls a service says work long run (counted as the stack's activity), off the event loops. */
    private final Executor workers;

    InterceptorChain(List<Interceptor> interceptors, ResetGate gate, Executor workers) {
        this.interceptors = List.copyOf(interceptors);
        this.gate = gate;
        this.workers = workers;
    }

    /**
     * The result of {@code call}: a stage that fails only when an interceptor threw or failed it (the
     * engine's own failures are failed results).
     */
    CompletionStage<CallResult> proceed(DecodedCall call, Service service, Function<JsonNode, HttpAnswer> encoder) {
        return next(0, call, service, encoder).proceed(call);
    }

    private Interceptor.Next next(int index, DecodedCall original, Service service,
            Function<JsonNode, HttpAnswer> encoder) {
        if (index == interceptors.size()) {
            return call -> invoke(call, service)
                    .handle((output, failure) -> failure == null ? CallResults.success(encoder.apply(output))
                            : CallResult.failure(Dispatcher.asAwsError(original, failure)));
        }
        Interceptor interceptor = interceptors.get(index);
        return call -> guarded(() -> interceptor.intercept(call, next(index + 1, original, service, encoder)));
    }

    /** The service's answer to {@code call}, worked out here or, for a call that works long, on a worker. */
    private CompletionStage<JsonNode> invoke(ServiceCall call, Service service) {
        Supplier<CompletionStage<JsonNode>> invoke = () -> gate.call(() -> service.invoke(decoded(call)));
        if (!service.worksLong(call.operation())) {
            return guarded(invoke);
        }
        return guarded(() -> CompletableFuture.supplyAsync(() -> guarded(invoke), workers)
                .thenCompose(Function.identity()));
    }

    /** The engine's own call behind {@code call}; an interceptor must pass on the call it was given. */
    private static DecodedCall decoded(ServiceCall call) {
        if (call instanceof DecodedCall decoded) {
            return decoded;
        }
        throw new IllegalArgumentException("an interceptor passed on a ServiceCall the engine did not make ("
                + call.getClass().getName() + "); pass on the call intercept(call, next) was given");
    }

    /** Turns an exception thrown before a stage exists into a failed stage, so callers see one path. */
    private static <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
