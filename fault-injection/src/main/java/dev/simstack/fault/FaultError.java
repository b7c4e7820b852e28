package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The AWS error a fault answers with: its code, HTTP status and message, encoded by the engine in the
 * protocol of the call (JSON {@code __type}, Query and S3 XML {@code Code}, Lambda's {@code x-amzn-ErrorType}).
 * The named kinds are the errors each service really sends, so the SDK's own retry logic is what a test
 * exercises.
 *
 * @param code the error code, e.g. {@code ProvisionedThroughputExceededException}
 * @param status the HTTP status
 * @param message the message
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultError(String code, int status, String message) {

    /**
     * Checks the error.
     *
     * @throws IllegalArgumentException if {@code status} is not an error status (400-599)
     */
    public FaultError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault's HTTP status is an error status (400-599), got " + status);
        }
    }

    /**
     * The throttling error {@code service} sends (the SDK retries it with its throttling back-off): the one
     * {@link AwsService#throttlingError()} gives.
     *
     * @param service the service
     * @return the error
     */
    public static FaultError throttle(AwsService service) {
        AwsException throttling = service.throttlingError();
        return new FaultError(throttling.code(), throttling.status(), throttling.getMessage());
    }

    /**
     * {@link #throttle(AwsService)} for the service whose signing name is {@code service}.
     *
     * @param service the signing name, e.g. {@code dynamodb}
     * @return the error
     * @throws IllegalArgumentException listing the signing names, when {@code service} is none of them
     */
    public static FaultError throttle(String service) {
        return throttle(named(service));
    }

    /**
     * The internal error {@code service} sends (a 500 the SDK retries).
     *
     * @param service the service
     * @return the error
     */
    public static FaultError internal(AwsService service) {
        return switch (service) {
            case SQS -> new FaultError("InternalFailure", 500, "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
            case DYNAMODB -> new FaultError("InternalServerError", 500, "Internal server error");
            case S3 -> new FaultError("InternalError", 500, "We encountered an internal error. Please try again.");
            case LAMBDA -> new FaultError("ServiceException", 500, "The Lambda service encountered an internal "
                    + "error.");
            case APIGATEWAY -> new FaultError("InternalFailure", 500, "Internal server error");
            case IAM -> new FaultError("ServiceFailure", 500, "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
            case STS -> new FaultError("InternalFailure", 500, "An internal error occurred.");
            case CLOUDFORMATION -> new FaultError("InternalFailure", 500, "An internal error occurred.");
        };
    }

    /**
     * {@link #internal(AwsService)} for the service whose signing name is {@code service}.
     *
     * @param service the signing name, e.g. {@code dynamodb}
     * @return the error
     * @throws IllegalArgumentException listing the signing names, when {@code service} is none of them
     */
    public static FaultError internal(String service) {
        return internal(named(service));
    }

    /**
     * The "service unavailable" error {@code service} sends (503).
     *
     * @param service the service
     * @return the error
     */
    public static FaultError unavailable(AwsService service) {
        return switch (service) {
            case SQS -> new FaultError("ServiceUnavailable", 503, "The request has failed due to a temporary "
                    + "failure of the server.");
            case DYNAMODB -> new FaultError("ServiceUnavailable", 503, "The service is currently unavailable or "
                    + "busy.");
            case S3 -> new FaultError("ServiceUnavailable", 503, "Please reduce your request rate.");
            case LAMBDA, APIGATEWAY -> new FaultError("ServiceUnavailableException", 503, "Service Unavailable");
            case IAM, STS, CLOUDFORMATION -> new FaultError("ServiceUnavailable", 503, "Service Unavailable");
        };
    }

    /**
     * {@link #unavailable(AwsService)} for the service whose signing name is {@code service}.
     *
     * @param service the signing name, e.g. {@code dynamodb}
     * @return the error
     * @throws IllegalArgumentException listing the signing names, when {@code service} is none of them
     */
    public static FaultError unavailable(String service) {
        return unavailable(named(service));
    }

    /** This error as the engine throws it. */
    AwsException toException() {
        return new AwsException(code, code, status, status < 500, message);
    }

    private static AwsService named(String service) {
        try {
            return AwsService.bySigningName(service);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no service '" + service + "'; faults apply to "
                    + FaultRule.SIGNING_NAMES + " (signing names)", e);
        }
    }
}
