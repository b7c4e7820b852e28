package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to an API's stage as the front door received it: method, path below the stage (raw and
 * decoded), headers and query parameters with every value, and the body.
 *
 * @param requestId API Gateway's request id
 * @param apiId the API
 * @param stage the stage
 * @param method the HTTP method
 * @param rawPath the path below the stage, as sent
 * @param path the same, percent-decoded
 * @param rawQuery the query string as sent (re-encoded from its parameters)
 * @param headers header names (as sent) to values
 * @param query query parameter names to values
 * @param body the body bytes
 * @param arrival when it arrived, on the stack's clock
 */
record ApiRequest(String requestId, String apiId, String stage, String method, String rawPath, String path,
        String rawQuery, Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body,
        Instant arrival) {

    static ApiRequest from(JsonNode input, String requestId, Instant arrival) {
        String full = input.path(RestMessage.PATH).asText();
        String apiId = input.path("apiId").asText();
        String stage = decode(input.path("stage").asText());
        int marker = full.indexOf("/_user_request_");
        String rawPath;
        if (marker >= 0) {
            rawPath = full.substring(marker + "/_user_request_".length());
        } else {
            String prefix = "/_aws/execute-api/" + input.path("apiId").asText() + "/" + input.path("stage").asText();
            rawPath = full.length() > prefix.length() ? full.substring(prefix.length()) : "";
        }
        rawPath = rawPath.isEmpty() ? "/" : rawPath;
        Map<String, List<String>> headers = multiMap(input.path(RestMessage.HEADERS));
        Map<String, List<String>> query = multiMap(input.path(RestMessage.QUERY));
        return new ApiRequest(requestId, apiId, stage, input.path(RestMessage.METHOD).asText(), rawPath,
                decode(rawPath), rawQuery(query), headers, query, RestMessage.body(input), arrival);
    }

    private static Map<String, List<String>> multiMap(JsonNode node) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            map.put(e.getKey(), values);
        });
        return map;
    }

    private static String rawQuery(Map<String, List<String>> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> {
            raw.append(raw.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
        }));
        return raw.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The first value of header {@code name}, any case, or null. */
    String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** True if the body is text API Gateway passes as it is; other bodies are base64-encoded in events. */
    boolean textBody() {
        String type = header("Content-Type");
        if (body.length == 0 || type == null) {
            return true;
        }
        String t = type.toLowerCase();
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.contains("x-www-form-urlencoded");
    }
}
