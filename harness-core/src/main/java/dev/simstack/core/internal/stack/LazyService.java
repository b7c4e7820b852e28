package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A service built on its first use: a stack whose tests never call it never loads its classes, which is
 * most of what a fresh JVM's first stack costs. Until then it has no state, so resetting or closing it is
 * nothing; its descriptor is known from the start, for routing and health answers.
 */
final class LazyService<T extends Service> implements Service {

    private final ServiceDescriptor descriptor;
    private final Supplier<T> factory;
    private volatile T built;

    LazyService(ServiceDescriptor descriptor, Supplier<T> factory) {
        this.descriptor = descriptor;
        this.factory = factory;
    }

    /** The service, built now if it was not. */
    T get() {
        T service = built;
        if (service == null) {
            synchronized (this) {
                service = built;
                if (service == null) {
                    service = factory.get();
                    built = service;
                }
            }
        }
        return service;
    }

    /** The service if it is built, else null (asking must not build it). */
    T peek() {
        return built;
    }

    /** Runs {@code action} on the service if it is built; a build in progress finishes first. */
    synchronized void ifBuilt(Consumer<T> action) {
        if (built != null) {
            action.accept(built);
        }
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return get().invoke(call);
    }

    @Override
    public boolean worksLong(String operation) {
        return get().worksLong(operation); // asked only for a call of this service, which builds it anyway
    }

    @Override
    public String regionOfUnsignedCall(String operation, JsonNode input) {
        return get().regionOfUnsignedCall(operation, input);
    }

    @Override
    public String resourceNameOf(String operation, JsonNode input) {
        return get().resourceNameOf(operation, input);
    }

    @Override
    public Runnable reset() {
        T service = built;
        return service == null ? () -> { } : service.reset();
    }

    @Override
    public void close() {
        ifBuilt(Service::close);
    }
}
