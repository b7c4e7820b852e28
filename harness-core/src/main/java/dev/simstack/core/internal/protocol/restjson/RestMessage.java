package dev.simstack.core.internal.protocol.restjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members a REST-JSON input carries besides the operation's own, and the shape of an output that is
 * a whole HTTP answer of its own (Invoke's payload, an API Gateway response) rather than a JSON document.
 * They start with {@code __}, which no AWS member name does.
 */
public final class RestMessage {

    /** Request headers: name (as sent) to an array of values. */
    public static final String HEADERS = "__headers";
    /** Query parameters: name to an array of values. */
    public static final String QUERY = "__query";
    /** The body, base64, for operations with a raw body. */
    public static final String BODY = "__body64";
    public static final String METHOD = "__method";
    public static final String PATH = "__path";
    private static final String STATUS = "__status";
    private static final String CONTENT_TYPE = "__contentType";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RestMessage() {
    }

    /** An output that the codec writes as exactly this status, these headers and this body. */
    public static ObjectNode answer(int status, String contentType, Map<String, String> headers, byte[] body) {
        ObjectNode out = NODES.objectNode();
        out.put(STATUS, status);
        if (contentType != null) {
            out.put(CONTENT_TYPE, contentType);
        }
        ObjectNode h = out.putObject(HEADERS);
        headers.forEach(h::put);
        out.put(BODY, Base64.getEncoder().encodeToString(body));
        return out;
    }

    /** An answer with a JSON body. */
    public static ObjectNode jsonAnswer(int status, String json) {
        return answer(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isAnswer(JsonNode output) {
        return output != null && output.has(STATUS);
    }

    static int status(JsonNode output) {
        return output.get(STATUS).intValue();
    }

    static String contentType(JsonNode output) {
        return output.hasNonNull(CONTENT_TYPE) ? output.get(CONTENT_TYPE).textValue() : null;
    }

    static Map<String, String> headers(JsonNode output) {
        Map<String, String> headers = new LinkedHashMap<>();
        output.path(HEADERS).fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** The raw body of an input or answer; empty if none. */
    public static byte[] body(JsonNode message) {
        JsonNode body = message.get(BODY);
        return body == null ? new byte[0] : Base64.getDecoder().decode(body.textValue());
    }

    /** The first value of request header {@code name} (any case), or null. */
    public static String header(JsonNode input, String name) {
        List<String> values = values(input.path(HEADERS), name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the case-insensitive {@code name} in a name-to-array object. */
    public static List<String> values(JsonNode multiMap, String name) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        multiMap.fields().forEachRemaining(e -> {
            if (e.getKey().equalsIgnoreCase(name)) {
                e.getValue().forEach(v -> values.add(v.asText()));
            }
        });
        return values;
    }
}
