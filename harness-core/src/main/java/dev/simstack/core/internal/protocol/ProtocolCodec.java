package dev.simstack.core.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;

/**
 * One AWS wire protocol, written once and shared by the services that speak it: reads a request into an
 * operation name and an input in the JSON protocol's shape, and writes outputs and errors the way that
 * protocol's clients expect them.
 */
public interface ProtocolCodec {

    /** The operation and input of a request. */
    record Decoded(String operation, ObjectNode input) {
    }

    /** A short name for logs and the ledger: {@code json}, {@code query}. */
    String name();

    /** Reads the operation and input; throws {@link AwsException} for a request it cannot read. */
    Decoded decode(HttpExchange exchange, ServiceDescriptor service);

    /** The answer for a successful call. */
    HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output);

    /** The answer for a failed call, in the protocol's error shape. */
    HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error);
}
