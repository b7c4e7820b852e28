package dev.simstack.core.internal.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response ready for the wire: status, headers and body.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header
 * @param headers further headers
 * @param body the body bytes
 */
public record HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {

    public HttpAnswer {
        headers = new LinkedHashMap<>(headers);
    }
}
