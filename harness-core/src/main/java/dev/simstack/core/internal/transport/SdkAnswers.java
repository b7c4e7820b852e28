package dev.simstack.core.internal.transport;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.WireCut;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The engine's {@link HttpAnswer} as the SDK's response, with the head the front door would write (its
 * headers, Content-Type, Content-Length) and the body as a stream over the answer's own bytes or stream, so
 * a large object is not copied on the way.
 */
final class SdkAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(SdkAnswers.class);

    private SdkAnswers() {
    }

    static HttpExecuteResponse response(String method, HttpAnswer answer) {
        HttpExecuteResponse.Builder response = HttpExecuteResponse.builder().response(head(answer));
        InputStream body = body(method, answer);
        return body == null ? response.build()
                : response.responseBody(AbortableInputStream.create(body, () -> closeQuietly(body))).build();
    }

    /** The status line and headers, as the front door writes them. */
    static SdkHttpResponse head(HttpAnswer answer) {
        SdkHttpResponse.Builder head = SdkHttpResponse.builder().statusCode(answer.status())
                .statusText(HttpResponseStatus.valueOf(answer.status()).reasonPhrase());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            head.putHeader(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            head.putHeader("Content-Type", answer.contentType());
        }
        if (!answer.headers().containsKey(HttpAnswer.CONTENT_LENGTH)) {
            head.putHeader(HttpAnswer.CONTENT_LENGTH, Long.toString(length(answer)));
        }
        return head.build();
    }

    /**
     * The body as a stream over the answer's own bytes or stream (cut short after its kept bytes when the answer
     * is truncated), or null when an HTTP client reads none (HEAD, 204, 304; the answer's stream is closed).
     */
    static InputStream body(String method, HttpAnswer answer) {
        if (!hasBody(method, answer.status())) {
            close(answer);
            return null;
        }
        InputStream body = answer.streamed() != null ? answer.streamed().stream()
                : new ByteArrayInputStream(answer.body());
        WireCut cut = answer.cut();
        if (cut != null && cut.kind() == WireCut.Kind.TRUNCATED) {
            long length = length(answer);
            body = new TruncatedBody(body, (long) Math.floor(length * cut.keptFraction()), length);
        }
        return body;
    }

    private static long length(HttpAnswer answer) {
        return answer.streamed() != null ? answer.streamed().length() : answer.body().length;
    }

    /** What the front door answers when the engine's stage fails instead of answering. */
    static HttpAnswer engineFailure(Throwable failure) {
        LOG.warn("SimStack could not answer an in-process request", failure);
        return new HttpAnswer(500, "text/plain; charset=utf-8", Map.of(),
                "SimStack engine failure".getBytes(StandardCharsets.UTF_8));
    }

    /** As an HTTP client reads it: no body after a HEAD, a 204 or a 304. */
    private static boolean hasBody(String method, int status) {
        return !method.equals("HEAD") && status != 204 && status != 304;
    }

    private static void close(HttpAnswer answer) {
        if (answer.streamed() != null) {
            closeQuietly(answer.streamed().stream());
        }
    }

    static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("could not close an answer's body: {}", e.toString());
        }
    }
}
