package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.server.LocalDoor;
import dev.simstack.core.internal.transport.InProcessExchange;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An AWS SDK v2 HTTP client that hands each request to a stack's engine in the same JVM, without a socket.
 * Everything above the HTTP connection still runs: the SDK signs and marshals the request, the engine's
 * codecs decode it, interceptors (fault plans), the service and the ledger see it as they see a request on
 * the stack's port, and the SDK unmarshals the answer. Only the TCP loopback and an HTTP codec on each side
 * are skipped. Request bodies are read as the SDK streams them (S3 uploads are spooled and aws-chunked
 * decoded as on the port); response bodies are streams over the engine's answer (a large object read from
 * its file, not copied).
 *
 * <pre>{@code
 * SqsClient sqs = SqsClient.builder()
 *         .httpClient(InProcessHttpClient.of(stack))
 *         .endpointOverride(stack.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
 *         .build();
 * }</pre>
 *
 * <p>Keep {@code endpointOverride(stack.endpoint())}: the engine writes URLs (queue URLs, API URLs) from the
 * request's {@code Host}, so they point at the stack's port and work with either transport.
 *
 * <p>Wire faults behave as on a socket: a reset is a {@code java.net.SocketException} ("Connection reset")
 * the SDK retries; a dropped connection holds the call until the SDK's attempt timeout aborts it, the read
 * timeout passes ({@link #withReadTimeout}, 30 s by default as the SDK's socket timeout) or the stack
 * closes; a truncated answer's body ends with an {@code IOException} before its Content-Length.
 *
 * <p>Requests run on the calling thread up to the engine (which may answer later: long polls, Lambda
 * invocations). The client holds no connections, so {@link #close()} does nothing; the stack owns the rest.
 * After the stack closes, calls fail with a {@code java.net.ConnectException}, as on its closed port.
 * The class needs {@code software.amazon.awssdk:http-client-spi} on the class path, which every SDK
 * client brings.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class InProcessHttpClient implements SdkHttpClient {

    /** The SDK's default socket read timeout, which a socket client would wait on a dropped connection. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private final LocalDoor door;
    private final Duration readTimeout;

    private InProcessHttpClient(LocalDoor door, Duration readTimeout) {
        this.door = door;
        this.readTimeout = readTimeout;
    }

    /** A client that sends every request to {@code stack}, whatever host its request names. */
    public static InProcessHttpClient of(Stack stack) {
        return new InProcessHttpClient(Objects.requireNonNull(stack, "stack").engine().localDoor(),
                DEFAULT_READ_TIMEOUT);
    }

    /**
     * This client waiting at most {@code timeout} for an answer (a socket client's read timeout), after which
     * the call fails with a {@code java.net.SocketTimeoutException} the SDK retries.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public InProcessHttpClient withReadTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a read timeout must be positive, got " + timeout);
        }
        return new InProcessHttpClient(door, timeout);
    }

    /** The read timeout: the longest a call waits for the engine's answer. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The request, answered by the stack's engine on the calling thread when the SDK calls it. */
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new InProcessExchange(door, request, readTimeout);
    }

    /** The name the SDK reports in its user agent and metrics. */
    @Override
    public String clientName() {
        return "SimStackInProcess";
    }

    /** Nothing to release: the client holds no connection, the stack owns the engine. */
    @Override
    public void close() {
    }
}
