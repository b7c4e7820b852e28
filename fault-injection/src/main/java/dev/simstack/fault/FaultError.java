package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.AwsException;
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

    public FaultError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault's HTTP status is an error status (400-599), got " + status);
        }
    }

    /** The throttling error {@code service} sends (the SDK retries it with its throttling back-off). */
    public static FaultError throttle(String service) {
        return switch (service) {
            case "sqs" -> new FaultError("RequestThrottled", 400, "Request is throttled.");
            case "dynamodb" -> new FaultError("ProvisionedThroughputExceededException", 400, "The level of "
                    + "configured provisioned throughput for the table was exceeded. Consider increasing your "
                    + "provisioning level with the UpdateTable API.");
            case "s3" -> new FaultError("SlowDown", 503, "Please reduce your request rate.");
            case "lambda", "apigateway" -> new FaultError("TooManyRequestsException", 429, "Rate exceeded");
            default -> throw unknown(service);
        };
    }

    /** The internal error {@code service} sends (a 500 the SDK retries). */
    public static FaultError internal(String service) {
        return switch (service) {
            case "sqs" -> new FaultError("InternalFailure", 500, "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
            case "dynamodb" -> new FaultError("InternalServerError", 500, "Internal server error");
            case "s3" -> new FaultError("InternalError", 500, "We encountered an internal error. Please try again.");
            case "lambda" -> new FaultError("ServiceException", 500, "The Lambda service encountered an internal "
                    + "error.");
            case "apigateway" -> new FaultError("InternalFailure", 500, "Internal server error");
            default -> throw unknown(service);
        };
    }

    /** The "service unavailable" error {@code service} sends (503). */
    public static FaultError unavailable(String service) {
        return switch (service) {
            case "sqs" -> new FaultError("ServiceUnavailable", 503, "The request has failed due to a temporary "
                    + "failure of the server.");
            case "dynamodb" -> new FaultError("ServiceUnavailable", 503, "The service is currently unavailable or "
                    + "busy.");
            case "s3" -> new FaultError("ServiceUnavailable", 503, "Please reduce your request rate.");
            case "lambda", "apigateway" -> new FaultError("ServiceUnavailableException", 503, "Service "
                    + "Unavailable");
            default -> throw unknown(service);
        };
    }

    /** This error as the engine throws it. */
    AwsException toException() {
        return new AwsException(code, code, status, status < 500, message);
    }

    private static IllegalArgumentException unknown(String service) {
        return new IllegalArgumentException("no service '" + service + "'; faults apply to sqs, dynamodb, s3, "
                + "lambda and apigateway (signing names)");
    }
}
