package dev.simstack.core.transport;

import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ServiceCall;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Breaks the first calls of one operation on the wire, as a fault plan's wire rule does. */
final class FirstCalls implements Interceptor {

    private final String operation;
    private final AtomicInteger left;
    private final UnaryOperator<CallResult> fault;

    FirstCalls(String operation, int times, UnaryOperator<CallResult> fault) {
        this.operation = operation;
        this.left = new AtomicInteger(times);
        this.fault = fault;
    }

    @Override
    public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
        if (!call.operation().equals(operation) || left.getAndDecrement() <= 0) {
            return next.proceed(call);
        }
        // A read-only call runs and is then broken: the same for every kind of cut.
        return next.proceed(call).thenApply(fault);
    }
}
