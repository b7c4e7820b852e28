package dev.simstack.core.internal.protocol.restxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded input of a REST-XML call. REST binds each operation's members to headers, query parameters
 * and path segments one by one; rather than copy S3's model of some hundred operations into binding
 * tables, the codec hands services the bound parts by their wire names ({@code Bucket}, {@code Key},
 * {@code Headers} with lower-case names, {@code Query}) and the {@code Body} as a {@link RequestPayload}.
 * Interceptors still see operation, bucket and key as plain JSON members.
 */
public final class RestInput {

    static final String BUCKET = "Bucket";
    static final String KEY = "Key";
    static final String METHOD = "Method";
    static final String HEADERS = "Headers";
    static final String QUERY = "Query";
    static final String BODY = "Body";

    private final ObjectNode node;

    public RestInput(ObjectNode node) {
        this.node = node;
    }

    /** The bucket addressed, or null. */
    public String bucket() {
        return text(node, BUCKET);
    }

    /** The key addressed, or null. */
    public String key() {
        return text(node, KEY);
    }

    public String method() {
        return text(node, METHOD);
    }

    /** The value of header {@code name} (any case), or null. */
    public String header(String name) {
        return text(node.get(HEADERS), name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every header, lower-case names, in arrival order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode all = node.get(HEADERS);
        if (all != null) {
            all.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        return headers;
    }

    /** The value of query parameter {@code name} (an empty string for a bare {@code ?versioning}), or null. */
    public String query(String name) {
        return text(node.get(QUERY), name);
    }

    public boolean hasQuery(String name) {
        JsonNode query = node.get(QUERY);
        return query != null && query.has(name);
    }

    /** The request body. */
    public RequestPayload payload() {
        JsonNode body = node.get(BODY);
        return (RequestPayload) ((POJONode) body).getPojo();
    }

    private static String text(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
