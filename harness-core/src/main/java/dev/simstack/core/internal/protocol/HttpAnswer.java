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
 * @param cut how the front door breaks this answer on the wire (a wire fault), or null to send it whole
 */
public record HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body,
        StreamedAnswerBody streamed, WireCut cut) {

    /** The Content-Length header when set in {@code headers}: HEAD answers declare a length but send no body. */
    public static final String CONTENT_LENGTH = "Content-Length";

    public HttpAnswer {
        headers = new LinkedHashMap<>(headers);
    }

    /** An answer sent whole, its body {@code body} or {@code streamed}. */
    public HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body,
            StreamedAnswerBody streamed) {
        this(status, contentType, headers, body, streamed, null);
    }

    /** An answer that never reaches the client whole: reset, never sent, or {@code cut} short. */
    public static HttpAnswer cut(WireCut cut) {
        return new HttpAnswer(0, null, Map.of(), new byte[0], null, cut);
    }

    /** This answer, broken on the wire as {@code wireCut} says. */
    public HttpAnswer with(WireCut wireCut) {
        return new HttpAnswer(status, contentType, headers, body, streamed, wireCut);
    }

    /** An answer whose whole body is {@code body}. */
    public HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {
        this(status, contentType, headers, body, null, null);
    }
}
