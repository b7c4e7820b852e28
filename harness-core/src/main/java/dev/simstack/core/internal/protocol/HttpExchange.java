package dev.simstack.core.internal.protocol;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * A whole HTTP request as the front door received it, before any protocol reads it.
 *
 * @param method the HTTP method
 * @param path the raw path, without the query string
 * @param query the query string's parameters, decoded
 * @param headers the request headers
 * @param body the body bytes (empty, not null, when there is none, or when the body is {@code spooled})
 * @param spooled the body, for requests the front door streamed instead of aggregating (S3); else null
 */
public record HttpExchange(String method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, SpooledBody spooled) {

    /** An aggregated request, whose whole body is {@code body}. */
    public HttpExchange(String method, String path, Map<String, List<String>> query, HttpHeaders headers,
            byte[] body) {
        this(method, path, query, headers, body, null);
    }

    /** The first value of query parameter {@code name}, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
