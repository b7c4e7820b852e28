package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.server.LocalDoor;
import dev.simstack.core.internal.transport.InProcessAsyncExchange;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The async twin of {@link InProcessHttpClient}: an AWS SDK v2 async HTTP client that hands each request to a
 * stack's engine in the same JVM, without a socket, with the same signing, codecs, interceptors, services and
 * ledger as on the stack's port.
 *
 * <pre>{@code
 * SqsAsyncClient sqs = SqsAsyncClient.builder()
 *         .httpClient(InProcessAsyncHttpClient.of(stack))
 *         .endpointOverride(stack.endpoint())
 *         ...
 *         .build();
 * }</pre>
 *
 * <p>A request's body is collected from the SDK's publisher before the engine reads it (the engine answers
 * whole requests; a REST body is then spooled to disk past its memory limit); the answer's body is published
 * chunk by chunk as the SDK asks for it. Wire faults: a reset fails the request with a
 * {@code java.net.SocketException}; a dropped connection never answers, so the SDK's attempt timeout (or the
 * call timeout) ends it, or the stack's close; a truncated body ends with an {@code IOException}. Set an
 * attempt timeout on clients that meet dropped connections: the SDK's async clients have no read timeout of
 * their own. {@link #close()} does nothing: the stack owns the engine.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {

    private final LocalDoor door;

    private InProcessAsyncHttpClient(LocalDoor door) {
        this.door = door;
    }

    /** A client that sends every request to {@code stack}, whatever host its request names. */
    public static InProcessAsyncHttpClient of(Stack stack) {
        return new InProcessAsyncHttpClient(Objects.requireNonNull(stack, "stack").engine().localDoor());
    }

    /** Sends the request to the engine; the future completes once the answer's body has been published. */
    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        return InProcessAsyncExchange.execute(door, request);
    }

    /** The name the SDK reports in its user agent and metrics. */
    @Override
    public String clientName() {
        return "SimStackInProcessAsync";
    }

    /** Nothing to release: the client holds no connection, the stack owns the engine. */
    @Override
    public void close() {
    }
}
