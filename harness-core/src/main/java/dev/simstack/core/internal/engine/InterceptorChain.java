package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.Interceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Runs a call through the stack's interceptors, in order, and then its service. */
final class InterceptorChain {

    private final List<Interceptor> interceptors;
    private final ResetGate gate;

    InterceptorChain(List<Interceptor> interceptors, ResetGate gate) {
        this.interceptors = List.copyOf(interceptors);
        this.gate = gate;
    }

    CompletionStage<JsonNode> proceed(DecodedCall call, Service service) {
        return next(0, service).proceed(call);
    }

    private Interceptor.Next next(int index, Service service) {
        if (index == interceptors.size()) {
            return call -> guarded(() -> gate.call(() -> service.invoke(decoded(call))));
        }
        Interceptor interceptor = interceptors.get(index);
        return call -> guarded(() -> interceptor.intercept(call, next(index + 1, service)));
    }

    /** The engine's own call behind {@code call}; an interceptor must pass on the call it was given. */
    private static DecodedCall decoded(dev.simstack.core.ServiceCall call) {
        if (call instanceof DecodedCall decoded) {
            return decoded;
        }
        throw new IllegalArgumentException("an interceptor passed on a ServiceCall the engine did not make ("
                + call.getClass().getName() + "); pass on the call intercept(call, next) was given");
    }

    /** Turns an exception thrown before a stage exists into a failed stage, so callers see one path. */
    private static CompletionStage<JsonNode> guarded(java.util.function.Supplier<CompletionStage<JsonNode>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
