package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The AWS services a stack serves, each with the names AWS gives it on the wire and the error it answers
 * when it throttles a caller. Fault plans, ledger entries, {@link ServiceCall}s and {@link ResourceRef}s
 * name services with these constants, never with free strings.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum AwsService {

    /** Amazon SQS; throttles with {@code RequestThrottled} (400). */
    SQS("sqs", "sqs", "RequestThrottled", 400, "Request is throttled."),
    /**
     * Amazon DynamoDB; throttles data-plane calls with {@code ProvisionedThroughputExceededException} (400),
     * which the SDK retries with its throttling back-off.
     */
    DYNAMODB("dynamodb", "dynamodb", "ProvisionedThroughputExceededException", 400,
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
                    + " provisioning level with the UpdateTable API."),
    /** Amazon S3; throttles with {@code SlowDown} (503). */
    S3("s3", "s3", "SlowDown", 503, "Please reduce your request rate."),
    /** AWS Lambda; throttles with {@code TooManyRequestsException} (429). */
    LAMBDA("lambda", "lambda", "TooManyRequestsException", 429, "Rate exceeded"),
    /** Amazon API Gateway (REST APIs, the management API); throttles with {@code TooManyRequestsException} (429). */
    APIGATEWAY("apigateway", "apigateway", "TooManyRequestsException", 429, "Rate exceeded"),
    /** AWS Security Token Service (STS); throttles with {@code Throttling} (400). */
    STS("sts", "sts", "Throttling", 400, "Rate exceeded"),
    /**
     * AWS Identity and Access Management (IAM), global (one store per stack, whatever the region); throttles
     * with {@code Throttling} (400).
     */
    IAM("iam", "iam", "Throttling", 400, "Rate exceeded"),
    /** AWS CloudFormation (stacks made from templates); throttles with {@code Throttling} (400). */
    CLOUDFORMATION("cloudformation", "cloudformation", "Throttling", 400, "Rate exceeded");

    private final String signingName;
    private final String endpointPrefix;
    private final String throttlingErrorCode;
    private final int throttlingStatus;
    private final String throttlingMessage;

    AwsService(String signingName, String endpointPrefix, String throttlingErrorCode, int throttlingStatus,
            String throttlingMessage) {
        this.signingName = signingName;
        this.endpointPrefix = endpointPrefix;
        this.throttlingErrorCode = throttlingErrorCode;
        this.throttlingStatus = throttlingStatus;
        this.throttlingMessage = throttlingMessage;
    }

    /** The SigV4 signing name, e.g. {@code sqs}; also the service part of its ARNs. */
    public String signingName() {
        return signingName;
    }

    /** The endpoint prefix of the service's public endpoints, e.g. {@code sqs} in {@code sqs.us-east-1.amazonaws.com}. */
    public String endpointPrefix() {
        return endpointPrefix;
    }

    /** The error code the service answers a throttled call with. */
    public String throttlingErrorCode() {
        return throttlingErrorCode;
    }

    /** The HTTP status of the throttling error. */
    public int throttlingStatus() {
        return throttlingStatus;
    }

    /** A new exception carrying the service's throttling error, as the engine would answer it. */
    public AwsException throttlingError() {
        return new AwsException(throttlingErrorCode, throttlingErrorCode, throttlingStatus, throttlingStatus < 500,
                throttlingMessage);
    }

    /**
     * The service whose signing name is {@code name}, e.g. {@code sqs}.
     *
     * @throws IllegalArgumentException naming the services there are, when none has that name
     */
    public static AwsService bySigningName(String name) {
        for (AwsService service : values()) {
            if (service.signingName.equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service with signing name '" + name + "'; a stack serves "
                + Arrays.stream(values()).map(AwsService::signingName).collect(Collectors.joining(", ")));
    }
}
