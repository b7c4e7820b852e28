package dev.simstack.core.internal.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * AWS JSON 1.0 and 1.1: {@code POST /} with {@code X-Amz-Target: Prefix.Operation} and a JSON body.
 * Errors are {@code {"__type": "namespace#Code", "message": ...}}; a query-compatible service (SQS) adds
 * {@code x-amzn-query-error: QueryCode;Sender}, from which the SDK takes the error code, while the
 * exception class follows {@code __type}.
 */
public final class AwsJsonCodec implements ProtocolCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonTrees json = new JsonTrees();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Decoded decode(HttpExchange exchange, ServiceDescriptor service) {
        String target = exchange.headers().get("X-Amz-Target");
        String operation = target.substring(target.indexOf('.') + 1);
        byte[] body = exchange.body();
        if (body.length == 0) {
            return new Decoded(operation, NODES.objectNode());
        }
        JsonNode input;
        try {
            input = json.read(body);
        } catch (IOException e) {
            throw Errors.serialization("The request body is not valid JSON: " + firstLine(e));
        }
        if (input == null) {
            return new Decoded(operation, NODES.objectNode());
        }
        if (!input.isObject()) {
            throw Errors.serialization("The request body must be a JSON object, got " + input.getNodeType()
                    .name().toLowerCase() + ".");
        }
        return new Decoded(operation, (ObjectNode) input);
    }

    @Override
    public HttpAnswer success(ServiceDescriptor service, String operation, String requestId, JsonNode output) {
        return answer(service, 200, requestId, write(output), Map.of());
    }

    @Override
    public HttpAnswer error(ServiceDescriptor service, String operation, String requestId, AwsException error) {
        ObjectNode body = NODES.objectNode();
        String namespace = service == null ? "com.amazon.coral.service" : service.errorNamespace();
        body.put("__type", namespace + "#" + error.code());
        body.put("message", error.getMessage());
        if (error instanceof ErrorBodyMembers) {
            body.setAll(((ErrorBodyMembers) error).errorMembers());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (service != null && service.queryCompatible()) {
            headers.put("x-amzn-query-error", error.queryCode() + ";" + (error.senderFault() ? "Sender" : "Receiver"));
        }
        return answer(service, error.status(), requestId, write(body), headers);
    }

    private HttpAnswer answer(ServiceDescriptor service, int status, String requestId, byte[] body,
            Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("x-amzn-RequestId", requestId);
        if (service != null && service.crc32()) {
            CRC32 crc = new CRC32();
            crc.update(body);
            headers.put("x-amz-crc32", Long.toString(crc.getValue()));
        }
        String version = service == null ? "1.0" : service.jsonVersion();
        return new HttpAnswer(status, "application/x-amz-json-" + version, headers, body);
    }

    private byte[] write(JsonNode node) {
        return json.write(node);
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
