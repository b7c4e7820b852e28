package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.ResourceRef;

/**
 * One SQS event source mapping's settings; UpdateEventSourceMapping swaps in a new value.
 *
 * @param uuid its id
 * @param functionArn the function it invokes
 * @param queueArn the queue it polls
 * @param batchSize 1 to 10,000 records per invocation
 * @param batchingWindowSeconds how long to gather records, 0 to 300
 * @param maximumConcurrency the most concurrent invocations (ScalingConfig), 2 to 1,000; null for no cap
 * @param reportBatchItemFailures whether the function may answer {@code batchItemFailures}
 * @param enabled Enabled or Disabled
 * @param lastModified epoch millis
 */
record EventSourceMapping(String uuid, String functionArn, String queueArn, int batchSize, int batchingWindowSeconds,
        Integer maximumConcurrency, boolean reportBatchItemFailures, boolean enabled, long lastModified) {

    /** The queue it polls (CreateEventSourceMapping takes SQS queue ARNs only). */
    ResourceRef queue() {
        return ResourceRef.fromArn(queueArn);
    }

    /** Without a ScalingConfig, SQS pollers scale "up to 1,250 concurrent invocations" (capped by the account). */
    int concurrencyCap() {
        return maximumConcurrency == null ? 1_250 : maximumConcurrency;
    }
}
