package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.CallResults;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link ServiceCall} came to, as the stack's {@link Interceptor}s see it on its way back: a success
 * carrying the service's answer, or a failure carrying the {@link AwsException} the caller will get. An
 * interceptor can look at it ({@link #succeeded()}, {@link #status()}, {@link #errorCode()}), pass it on,
 * replace it with a failure of its own ({@link #failure(AwsException)}), or hand it on later (by returning a
 * stage that completes later, on the stack's clock).
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
                return new CallResult(status, null, Objects.requireNonNull(answer, "answer"));
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

    private CallResult(int status, AwsException error, Object answer) {
        this.status = status;
        this.error = error;
        this.answer = answer;
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
        return new CallResult(error.status(), error, null);
    }

    /**
     * Whether the call succeeded.
     *
     * @return true for a success, false for an AWS error
     */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * The HTTP status the caller will be answered with, e.g. 200, 204 for S3's DeleteObject, 400 for a
     * validation error or 503 for S3's SlowDown.
     *
     * @return the HTTP status
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
        return error == null ? "success (" + status + ")" : "failure " + error;
    }
}
