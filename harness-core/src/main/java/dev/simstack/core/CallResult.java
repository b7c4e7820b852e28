package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.protocol.WireCut;
import dev.simstack.core.internal.stack.CallResults;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link ServiceCall} came to, as the stack's {@link Interceptor}s see it on its way back: a success
 * carrying the service's answer, or a failure carrying the {@link AwsException} the caller will get. An
 * interceptor can look at it ({@link #succeeded()}, {@link #status()}, {@link #errorCode()}), pass it on,
 * replace it with a failure of its own ({@link #failure(AwsException)}), break it on the wire
 * ({@link #connectionReset()}, {@link #noAnswer()}, {@link #truncated(double)}), or hand it on later (by
 * returning a stage that completes later, on the stack's clock).
 *
 * <p>The answer of a success is opaque: it is the engine's, already in the call's wire protocol, and only
 * the engine reads it. So an interceptor cannot forge a service's answer, and this type carries none of the
 * engine's or its dependencies' types.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CallResult {

    static {
        // Lets the engine make successes and read their answers; nobody else can (see docs/architecture.md).
        CallResults.install(new CallResults.Access() {
            @Override
            public CallResult success(int status, Object answer) {
                return new CallResult(status, null, Objects.requireNonNull(answer, "answer"), null);
            }

            @Override
            public WireCut cut(CallResult result) {
                return result.cut;
            }

            @Override
            public Object answer(CallResult result) {
                return result.answer;
            }
        });
    }

    private final int status;
    private final AwsException error;
    /** The engine's answer to a success, in the call's wire protocol; null for a failure. */
    private final Object answer;
    /** How the front door breaks the answer on the wire; null to send it whole. */
    private final WireCut cut;

    private CallResult(int status, AwsException error, Object answer, WireCut cut) {
        this.status = status;
        this.error = error;
        this.answer = answer;
        this.cut = cut;
    }

    /**
     * A failure answering {@code error}, in the call's protocol, as the service itself would answer it: an
     * interceptor returns it instead of (or in place of the result of) {@code next.proceed(call)}.
     *
     * @param error the AWS error the caller gets
     * @return a failed result
     */
    public static CallResult failure(AwsException error) {
        Objects.requireNonNull(error, "error");
        return new CallResult(error.status(), error, null, null);
    }

    /**
     * No answer: the engine resets the connection (a TCP RST) before sending a byte, and the service never sees
     * the call. The client's HTTP layer fails with an I/O error ({@code Connection reset}), which the AWS SDKs
     * retry; the ledger records the call with status 0.
     *
     * @return a result that resets the connection
     */
    public static CallResult connectionReset() {
        return new CallResult(0, null, null, new WireCut(WireCut.Kind.RESET, 0));
    }

    /**
     * No answer, ever: the engine holds the connection open and sends nothing, as a dropped connection looks to
     * the client, until the client gives up (its attempt or socket timeout) or the stack closes. The service
     * never sees the call; the ledger records it with status 0.
     *
     * @return a result that never answers
     */
    public static CallResult noAnswer() {
        return new CallResult(0, null, null, new WireCut(WireCut.Kind.NO_ANSWER, 0));
    }

    /**
     * This result's answer cut short: the status and headers as answered (its {@code Content-Length} too), then
     * only the first {@code keptFraction} of the body's bytes, then the connection closes. The client's HTTP
     * layer sees the body end early (an I/O error the AWS SDKs retry).
     *
     * @param keptFraction the share of the body sent, in [0, 1)
     * @return a result answering like this one, truncated
     * @throws IllegalArgumentException if {@code keptFraction} is not in [0, 1), or this result is not answered
     */
    public CallResult truncated(double keptFraction) {
        if (cut != null && cut.kind() != WireCut.Kind.TRUNCATED) {
            throw new IllegalArgumentException("a result that is " + cut.describe() + " has no body to truncate");
        }
        return new CallResult(status, error, answer, new WireCut(WireCut.Kind.TRUNCATED, keptFraction));
    }

    /**
     * How this result breaks its answer on the wire, in words.
     *
     * @return e.g. {@code connection reset}, {@code no answer}, {@code body truncated to 50%}; empty when the
     *     answer is sent whole
     */
    public Optional<String> wireFault() {
        return cut == null ? Optional.empty() : Optional.of(cut.describe());
    }

    /**
     * Whether the call succeeded.
     *
     * @return true for a success (even if truncated on the wire), false for an AWS error, a reset or no answer
     */
    public boolean succeeded() {
        return error == null && answer != null;
    }

    /**
     * The HTTP status the caller will be answered with, e.g. 200, 204 for S3's DeleteObject, 400 for a
     * validation error or 503 for S3's SlowDown.
     *
     * @return the HTTP status; 0 when the connection is reset or never answered
     */
    public int status() {
        return status;
    }

    /**
     * The AWS error code of a failure.
     *
     * @return the code, e.g. {@code QueueDoesNotExist}, or empty for a success
     */
    public Optional<String> errorCode() {
        return error == null ? Optional.empty() : Optional.of(error.code());
    }

    /**
     * The AWS error of a failure.
     *
     * @return the error the caller gets, or empty for a success
     */
    public Optional<AwsException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        String wire = cut == null ? "" : ", " + cut.describe();
        if (answer == null && error == null) {
            return cut.describe();
        }
        return (error == null ? "success (" + status + ")" : "failure " + error) + wire;
    }
}
