package dev.simstack.core.internal.engine;

import dev.simstack.core.ResourceRef;

/**
 * How one service invokes a Lambda function of the same stack without going over HTTP, as AWS services
 * invoke functions asynchronously ("Event" invocations): S3 event notifications today. The engine wires
 * it to Lambda's typed Invoke. The caller does not wait for, nor learn, the function's outcome.
 */
@FunctionalInterface
public interface FunctionSink {

    /**
     * Starts an invocation of {@code function} with {@code event}, the event JSON's bytes.
     *
     * @param trigger who invokes, for the ledger and logs, e.g. {@code s3:bucket-name}
     * @throws dev.simstack.core.AwsException Lambda's error when there is no such function
     */
    void invokeAsync(ResourceRef function, byte[] event, String trigger);
}
