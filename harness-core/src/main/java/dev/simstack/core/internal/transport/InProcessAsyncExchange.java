package dev.simstack.core.internal.transport;

import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.WireCut;
import dev.simstack.core.internal.server.LocalDoor;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * One async SDK request answered through the stack's {@link LocalDoor}: the body publisher is collected, the
 * engine answers (on whichever thread completes it: the caller's, a timer's, a Lambda's), and the answer goes
 * to the SDK's response handler, its body published chunk by chunk on demand. Wire faults as in
 * {@link InProcessExchange}: a reset fails the request with a {@code SocketException}; a dropped connection
 * never completes it (the SDK's attempt timeout cancels it) unless the stack closes; a truncated body ends with
 * an {@code IOException} after its kept bytes.
 */
public final class InProcessAsyncExchange {

    private InProcessAsyncExchange() {
    }

    /** Executes {@code request}; the future completes when the answer's body has been published whole. */
    public static CompletableFuture<Void> execute(LocalDoor door, AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        if (!door.isOpen()) {
            fail(done, handler, new ConnectException("Connection refused: the stack is closed (a client used after"
                    + " its stack stopped)"));
            return done;
        }
        Publisher<ByteBuffer> content = request.requestContentPublisher();
        RequestBodies.collect(content).thenCompose(body -> send(door, request.request(), body))
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        fail(done, handler, failure instanceof java.util.concurrent.CompletionException
                                && failure.getCause() != null ? failure.getCause() : failure);
                    } else {
                        answer(door, request.request().method().name(), answer, handler, done);
                    }
                });
        return done;
    }

    private static CompletableFuture<HttpAnswer> send(LocalDoor door, SdkHttpRequest head, InputStream body) {
        URI uri = head.getUri();
        try {
            return door.exchange(head.method().name(), InProcessExchange.target(uri),
                    InProcessExchange.headers(head, uri), body).toCompletableFuture()
                    .exceptionally(SdkAnswers::engineFailure);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void answer(LocalDoor door, String method, HttpAnswer answer, SdkAsyncHttpResponseHandler handler,
            CompletableFuture<Void> done) {
        WireCut cut = answer.cut();
        if (cut != null && cut.kind() == WireCut.Kind.RESET) {
            fail(done, handler, new SocketException("Connection reset"));
            return;
        }
        if (cut != null && cut.kind() == WireCut.Kind.NO_ANSWER) {
            // Held open: the SDK's attempt timeout cancels `done`; a closing stack lets the caller go.
            door.closed().thenRun(() -> fail(done, handler,
                    new SocketException("Connection closed: the stack stopped before answering")));
            return;
        }
        handler.onHeaders(SdkAnswers.head(answer));
        InputStream body = SdkAnswers.body(method, answer);
        handler.onStream(new BodyPublisher(body == null ? InputStream.nullInputStream() : body,
                () -> done.complete(null), done::completeExceptionally));
    }

    private static void fail(CompletableFuture<Void> done, SdkAsyncHttpResponseHandler handler, Throwable failure) {
        if (done.isDone()) {
            return;
        }
        handler.onError(failure);
        done.completeExceptionally(failure);
    }
}
