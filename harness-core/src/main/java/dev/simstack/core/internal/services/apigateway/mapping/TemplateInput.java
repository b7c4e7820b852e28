package dev.simstack.core.internal.services.apigateway.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $input} in a mapping template: the payload ({@code $input.body}, {@code $input.json('$.x')},
 * {@code $input.path('$.x')}) and the method request's parameters ({@code $input.params()},
 * {@code $input.params('name')}, looked up in path, query string, then headers, as AWS does).
 */
public final class TemplateInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String body;
    private final MappingRequest request;
    private JsonNode parsed;

    TemplateInput(String body, MappingRequest request) {
        this.body = body;
        this.request = request;
    }

    /** {@code $input.body}: the payload as text. */
    public String getBody() {
        return body;
    }

    /** {@code $input.json(path)}: the JSON text at {@code path} of the payload ({@code null} where there is none). */
    public String json(String path) {
        JsonNode node = JsonPaths.read(tree(), path);
        return node.isMissingNode() ? "null" : node.toString();
    }

    /** {@code $input.path(path)}: the value at {@code path}, as an object the template can walk. */
    public Object path(String path) {
        return plain(JsonPaths.read(tree(), path));
    }

    /** {@code $input.params()}: {@code path}, {@code querystring} and {@code header}, each a name-to-value map. */
    public Map<String, Map<String, String>> params() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("path", request.pathParameters());
        all.put("querystring", request.queryParameters());
        all.put("header", request.headers());
        return all;
    }

    /** {@code $input.params(name)}: the path parameter, query parameter or header of that name, or an empty string. */
    public String params(String name) {
        for (Map<String, String> scope : params().values()) {
            String value = scope.get(name);
            if (value != null) {
                return value;
            }
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return "";
    }

    private JsonNode tree() {
        if (parsed == null) {
            parsed = parse(body);
        }
        return parsed;
    }

    /** The payload as JSON; an empty payload is an empty object, and text that is not JSON is a string. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static Object plain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return JSON.convertValue(node, Object.class);
    }
}
