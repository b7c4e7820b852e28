package dev.simstack.core.internal.transport;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.WireCut;
import dev.simstack.core.internal.server.LocalDoor;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One SDK request answered through the stack's {@link LocalDoor} on the calling thread. Wire faults are
 * acted out as a socket client would meet them: a reset is the {@code SocketException} the SDK retries, a
 * dropped connection holds the caller until the SDK aborts the attempt (its attempt timeout), the read
 * timeout passes, or the stack closes; a truncated answer's body ends early with an {@code IOException}.
 */
public final class InProcessExchange implements ExecutableHttpRequest {

    /** How often a waiting caller looks whether it was aborted or the stack closed. */
    private static final long CHECK_MILLIS = 50;

    private final LocalDoor door;
    private final HttpExecuteRequest request;
    private final Duration readTimeout;
    private volatile boolean aborted;

    public InProcessExchange(LocalDoor door, HttpExecuteRequest request, Duration readTimeout) {
        this.door = door;
        this.request = request;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
        if (!door.isOpen()) {
            throw new ConnectException("Connection refused: the stack is closed (a client used after its stack"
                    + " stopped)");
        }
        SdkHttpRequest head = request.httpRequest();
        URI uri = head.getUri();
        InputStream body = request.contentStreamProvider().map(ContentStreamProvider::newStream).orElse(null);
        CompletableFuture<HttpAnswer> answer;
        try {
            answer = door.exchange(head.method().name(), target(uri), headers(head, uri), body).toCompletableFuture()
                    .exceptionally(SdkAnswers::engineFailure);
        } finally {
            if (body != null) {
                body.close();
            }
        }
        HttpAnswer answered = await(answer);
        WireCut cut = answered.cut();
        if (cut != null && cut.kind() == WireCut.Kind.RESET) {
            throw new SocketException("Connection reset");
        }
        if (cut != null && cut.kind() == WireCut.Kind.NO_ANSWER) {
            await(new CompletableFuture<>()); // held open: only the client's timeout, an abort or a close ends it
        }
        return SdkAnswers.response(head.method().name(), answered);
    }

    @Override
    public void abort() {
        aborted = true;
    }

    /** The request line's target: the raw path (at least "/") and query, as an HTTP client writes them. */
    static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The request's headers, with the Host header an HTTP client adds when the signer did not. */
    static HttpHeaders headers(SdkHttpRequest head, URI uri) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue());
        }
        if (!headers.contains("Host")) {
            headers.set("Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        }
        return headers;
    }

    /** The answer, waited for within the read timeout, unless the request is aborted or the stack closes. */
    private <T> T await(CompletableFuture<T> pending) throws IOException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        while (true) {
            if (aborted) {
                throw new IOException("Request aborted (the SDK gave up on the attempt)");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("Read timed out");
            }
            try {
                return pending.get(Math.min(TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS), left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!door.isOpen()) {
                    throw new SocketException("Connection closed: the stack stopped before answering");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the stack's answer");
            } catch (ExecutionException e) {
                throw new IOException("the stack could not answer: " + e.getCause(), e.getCause());
            }
        }
    }
}
