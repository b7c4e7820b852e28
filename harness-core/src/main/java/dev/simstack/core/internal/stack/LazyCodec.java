package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.function.Supplier;

/**
 * A codec built on the first request that needs it, like {@link LazyService}: a stack whose tests only
 * use queues never loads S3's operation table or the REST-JSON route tables of Lambda and API Gateway.
 */
final class LazyCodec implements ProtocolCodec {

    private final Supplier<ProtocolCodec> factory;
    private volatile ProtocolCodec built;

    LazyCodec(Supplier<ProtocolCodec> factory) {
        this.factory = factory;
    }

    private ProtocolCodec get() {
        ProtocolCodec codec = built;
        if (codec == null) {
            synchronized (this) {
                codec = built;
                if (codec == null) {
                    codec = factory.get();
                    built = codec;
                }
            }
        }
        return codec;
    }

    @Override
    public String name() {
        return get().name();
    }

    @Override
    public Decoded decode(HttpExchange exchange, ServiceDescriptor service) {
        return get().decode(exchange, service);
    }

    @Override
    public HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output) {
        return get().success(service, operation, requestId, output);
    }

    @Override
    public HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error) {
        return get().error(service, operation, requestId, error);
    }
}
