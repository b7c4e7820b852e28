package dev.simstack.core.internal.engine;

import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A service's operations by name, and the one error it answers for a name it does not have. Each service
 * fills one table with its operation families' handlers; {@link #handler} is its whole dispatch.
 *
 * @param <H> how the service's operations are called
 */
public final class OperationTable<H> {

    private final Map<String, H> handlers = new HashMap<>();
    private final Function<DecodedCall, ? extends RuntimeException> unknown;

    private OperationTable(Function<DecodedCall, ? extends RuntimeException> unknown) {
        this.unknown = unknown;
    }

    /**
     * A table for a service spoken to in AWS JSON or AWS Query: an unknown operation is answered as
     * each protocol does, {@code UnknownOperationException} naming the {@code X-Amz-Target} in JSON and
     * {@code InvalidAction} in Query.
     */
    public static <H> OperationTable<H> forJsonAndQuery(ServiceDescriptor descriptor) {
        String prefix = descriptor.jsonTargetPrefix();
        return new OperationTable<>(call -> "query".equals(call.protocol())
                ? Errors.invalidAction(call.operation())
                : Errors.unknownOperation(prefix + "." + call.operation()));
    }

    /**
     * A table for a REST service, whose route table names the operation: a name with no handler is an
     * operation the engine does not implement, answered with the service's own error for that.
     */
    public static <H> OperationTable<H> forRest(Function<String, ? extends RuntimeException> notImplemented) {
        Objects.requireNonNull(notImplemented, "notImplemented");
        return new OperationTable<>(call -> notImplemented.apply(call.operation()));
    }

    /**
     * Adds {@code operation}'s handler.
     *
     * @throws IllegalStateException if the operation has a handler already (two families claim it)
     */
    public void put(String operation, H handler) {
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(operation, handler) != null) {
            throw new IllegalStateException("Operation " + operation + " is registered twice");
        }
    }

    /**
     * The handler of the call's operation.
     *
     * @throws RuntimeException the service's unknown-operation error if it has none
     */
    public H handler(DecodedCall call) {
        H handler = handlers.get(call.operation());
        if (handler == null) {
            throw unknown.apply(call);
        }
        return handler;
    }
}
