package dev.simstack.core.internal.server;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.WireCut;
import dev.simstack.core.internal.protocol.WireProtocols;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The front door without the socket: a request handed over in-process becomes the same {@link HttpExchange}
 * the Netty pipeline makes of it (JSON and Query bodies aggregated, REST bodies spooled and aws-chunked
 * decoded by a {@link FileSpool}, {@code Expect} answered and removed) and goes to the same handler, so
 * codecs, interceptors, services and ledger cannot tell the two apart. What is answered is the handler's
 * {@link HttpAnswer}, with a HEAD answer's body removed as the front door removes it; a wire cut is left for
 * the caller to act out, as {@link BrokenAnswer} acts it out on a socket.
 */
public final class LocalDoor {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final RequestHandler handler;
    private final ScratchDirectory scratch;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public LocalDoor(RequestHandler handler, ScratchDirectory scratch) {
        this.handler = handler;
        this.scratch = scratch;
    }

    /**
     * Answers one request. {@code uri} is the request target (path and query, as on the request line);
     * {@code body} is read to its end here, before the handler runs, as the front door reads it before
     * dispatching; null for none.
     *
     * @throws IOException if reading {@code body} fails (the request is then not handled)
     */
    public CompletionStage<HttpAnswer> exchange(String method, String uri, HttpHeaders headers, InputStream body)
            throws IOException {
        // HttpServerExpectContinueHandler answers the 100 and removes the header before anyone reads it.
        headers.remove(HttpHeaderNames.EXPECT);
        QueryStringDecoder decoded;
        try {
            decoded = new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, 1024);
            decoded.parameters();
        } catch (IllegalArgumentException e) {
            return answered(plain(400, "Malformed request URI: " + e.getMessage()));
        }
        boolean head = method.equals("HEAD");
        if (WireProtocols.isJsonOrQuery(headers, decoded.parameters())) {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(FrontDoor.MAX_REQUEST_BYTES + 1);
            if (bytes.length > FrontDoor.MAX_REQUEST_BYTES) {
                return answered(new HttpAnswer(413, null, Map.of(), new byte[0])); // the aggregator's answer
            }
            if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                headers.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            }
            HttpExchange exchange = new HttpExchange(method, decoded.rawPath(), decoded.parameters(), headers, bytes);
            return handler.handle(exchange).thenApply(answer -> head ? withoutBody(answer) : answer);
        }
        return spooled(method, uri, decoded, headers, body, head);
    }

    /** A REST request: its body spooled as {@link BodySpooler} spools it, freed once answered. */
    private CompletionStage<HttpAnswer> spooled(String method, String uri, QueryStringDecoder decoded,
            HttpHeaders headers, InputStream body, boolean head) throws IOException {
        boolean upload = method.equals("PUT")
                && WireProtocols.mayBeS3(decoded.rawPath(), headers, decoded.parameters());
        FileSpool spool = new FileSpool(scratch,
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri, headers), upload);
        String failure = fill(spool, body);
        if (failure != null) {
            spool.discard();
            return answered(plain(400, failure));
        }
        HttpExchange exchange = new HttpExchange(method, decoded.rawPath(), decoded.parameters(), headers,
                new byte[0], spool);
        CompletionStage<HttpAnswer> answer;
        try {
            answer = handler.handle(exchange);
        } catch (RuntimeException e) {
            spool.discard();
            throw e;
        }
        return answer.whenComplete((done, thrown) -> spool.discard())
                .thenApply(done -> head ? withoutBody(done) : done);
    }

    /** Reads {@code body} into {@code spool}; the 400's text if the spool cannot take it (as BodySpooler's). */
    private static String fill(FileSpool spool, InputStream body) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        try {
            for (int n = body == null ? -1 : body.read(chunk); n >= 0; n = body.read(chunk)) {
                try {
                    spool.append(Unpooled.wrappedBuffer(chunk, 0, n));
                } catch (IOException | RuntimeException e) {
                    return "SimStack could not spool the request body: " + e;
                }
            }
            spool.finish();
            return null;
        } catch (IOException e) {
            spool.discard(); // the client's body failed: no request was made
            throw e;
        }
    }

    /**
     * Completes when the stack stops serving: a caller held without an answer (a dropped connection) is
     * then let go, as a client's connection is closed by a closing server.
     */
    public CompletionStage<Void> closed() {
        return closed;
    }

    /** Whether the stack still serves requests. */
    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Stops serving: later requests are refused and callers held without an answer are let go. */
    public void close() {
        closed.complete(null);
    }

    /** HTTP forbids a body on a HEAD answer; the length stays what GET sends (as the front door's). */
    private static HttpAnswer withoutBody(HttpAnswer answer) {
        if (answer.cut() != null && answer.cut().kind() != WireCut.Kind.TRUNCATED) {
            return answer;
        }
        if (answer.streamed() != null) {
            try {
                answer.streamed().stream().close();
            } catch (IOException e) {
                // nothing was sent from it
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        long length = answer.streamed() != null ? answer.streamed().length() : answer.body().length;
        headers.putIfAbsent(HttpAnswer.CONTENT_LENGTH, Long.toString(length));
        return new HttpAnswer(answer.status(), answer.contentType(), headers, new byte[0]);
    }

    private static CompletionStage<HttpAnswer> answered(HttpAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private static HttpAnswer plain(int status, String text) {
        return new HttpAnswer(status, "text/plain; charset=utf-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }
}
