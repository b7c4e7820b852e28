package dev.simstack.core.internal.services.lambda;

import java.util.Map;

/**
 * A function's settings at one moment; UpdateFunctionConfiguration swaps in a new value, so an
 * invocation sees one consistent configuration from start to end.
 *
 * @param handler {@code package.Class} or {@code package.Class::method}
 * @param runtime e.g. {@code java21}
 * @param timeoutSeconds 1 to 900
 * @param memorySize MB
 * @param environment environment variables
 * @param role the execution role ARN (not checked)
 * @param description free text
 * @param deadLetterArn the SQS queue of DeadLetterConfig, or null
 * @param coldStartMillis virtual time a new execution environment takes to start
 * @param code the code package (a published version keeps the one it was published with)
 */
record FunctionConfig(String handler, String runtime, int timeoutSeconds, int memorySize,
        Map<String, String> environment, String role, String description, String deadLetterArn,
        long coldStartMillis, FunctionCode code) {

    FunctionConfig {
        environment = Map.copyOf(environment);
    }

    /** This configuration with {@code next} as its code (UpdateFunctionCode). */
    FunctionConfig withCode(FunctionCode next) {
        return new FunctionConfig(handler, runtime, timeoutSeconds, memorySize, environment, role, description,
                deadLetterArn, coldStartMillis, next);
    }
}
