package dev.simstack.core.internal.engine;

/**
 * How one service invokes a Lambda function of the same stack without going over HTTP, as AWS services
 * invoke functions asynchronously ("Event" invocations): S3 event notifications today. The engine wires
 * it to the Lambda service. The caller does not wait for, nor learn, the function's outcome.
 */
@FunctionalInterface
public interface FunctionSink {

    /**
     * Starts an invocation of {@code functionArn} with {@code payload}, the event JSON.
     *
     * @param trigger who invokes, for the ledger and logs, e.g. {@code s3:bucket-name}
     * @throws dev.simstack.core.AwsException Lambda's error when there is no such function
     */
    void invokeAsync(String functionArn, String payload, String trigger);
}
