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
 * @param streamed a body to stream instead of {@code body} (large S3 objects), or null
 */
public record HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body,
        StreamedAnswerBody streamed) {

    /** The Content-Length header when set in {@code headers}: HEAD answers declare a length but send no body. */
    public static final String CONTENT_LENGTH = "Content-Length";

    public HttpAnswer {
        headers = new LinkedHashMap<>(headers);
    }

    /** An answer whose whole body is {@code body}. */
    public HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {
        this(status, contentType, headers, body, null);
    }
}
