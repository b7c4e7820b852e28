package dev.simstack.core.internal.services.lambda;

/**
 * The Lambda API's limits on an SQS event source mapping's settings, with its messages, whichever way the
 * mapping comes: CreateEventSourceMapping and UpdateEventSourceMapping on the wire, or a function's declared
 * SQS event. BatchSize 1-10,000 (over 10 only with a batching window; FIFO queues 1-10 and no window),
 * MaximumBatchingWindowInSeconds 0-300, ScalingConfig.MaximumConcurrency 2-1,000.
 */
final class MappingRules {

    private MappingRules() {
    }

    /** Throws InvalidParameterValueException for the first limit {@code mapping} breaks, in Lambda's order. */
    static void check(EventSourceMapping mapping) {
        boolean fifo = mapping.queueArn().endsWith(".fifo");
        int batch = mapping.batchSize();
        int window = mapping.batchingWindowSeconds();
        if (batch < 1) {
            throw outOfRange(batch, "batchSize", "greater than or equal to 1");
        }
        if (batch > 10_000) {
            throw outOfRange(batch, "batchSize", "less than or equal to 10000");
        }
        if (fifo && batch > 10) {
            throw LambdaErrors.invalidParameter("BatchSize must be between 1 and 10 for FIFO queues.");
        }
        if (window < 0) {
            throw outOfRange(window, "maximumBatchingWindowInSeconds", "greater than or equal to 0");
        }
        if (window > 300) {
            throw outOfRange(window, "maximumBatchingWindowInSeconds", "less than or equal to 300");
        }
        if (fifo && window > 0) {
            throw LambdaErrors.invalidParameter("Batching window is not supported for FIFO queues.");
        }
        if (batch > 10 && window == 0) {
            throw LambdaErrors.invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum "
                    + "batch size is greater than 10");
        }
        Integer concurrency = mapping.maximumConcurrency();
        if (concurrency != null && (concurrency < 2 || concurrency > 1000)) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + concurrency + "' at "
                    + "'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value "
                    + "between 2 and 1000");
        }
    }

    /** Throws Lambda's generic validator error when {@code value} is outside {@code min}..{@code max}. */
    static void range(int value, String member, int min, int max) {
        if (value < min) {
            throw outOfRange(value, member, "greater than or equal to " + min);
        }
        if (value > max) {
            throw outOfRange(value, member, "less than or equal to " + max);
        }
    }

    /** FunctionResponseTypes: whether it asks for ReportBatchItemFailures, its one allowed value. */
    static boolean reportsBatchItemFailures(java.util.List<String> types) {
        boolean report = false;
        for (String type : types) {
            if (!type.equals("ReportBatchItemFailures")) {
                throw LambdaErrors.invalidParameter("1 validation error detected: Value '[" + type + "]' at "
                        + "'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [ReportBatchItemFailures]");
            }
            report = true;
        }
        return report;
    }

    private static RuntimeException outOfRange(int value, String member, String constraint) {
        return LambdaErrors.invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must have value " + constraint);
    }
}
