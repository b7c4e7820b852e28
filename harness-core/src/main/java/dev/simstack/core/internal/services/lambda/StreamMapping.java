package dev.simstack.core.internal.services.lambda;

import java.util.List;

/**
 * One DynamoDB stream event source mapping's settings ("Lambda parameters for Amazon DynamoDB event source
 * mappings"); UpdateEventSourceMapping swaps in a new value.
 *
 * @param uuid its id
 * @param functionArn the function it invokes
 * @param streamArn the table stream it reads
 * @param startingPosition TRIM_HORIZON or LATEST
 * @param batchSize 1 to 10,000 records per invocation, 100 by default
 * @param batchingWindowSeconds how long to gather records, 0 to 300
 * @param bisectOnError whether a failed batch is split in two and each half retried
 * @param maximumRetryAttempts retries before a batch is discarded; -1 (the default) for no limit
 * @param maximumRecordAgeSeconds the oldest record sent to the function; -1 (the default) for no limit
 * @param reportBatchItemFailures whether the function may answer {@code batchItemFailures}
 * @param onFailureArn the SQS queue discarded batches are described to, or null
 * @param filters the FilterCriteria patterns (JSON text); a record passes if one matches, all pass if none
 * @param enabled Enabled or Disabled
 * @param lastModified epoch millis
 */
record StreamMapping(String uuid, String functionArn, String streamArn, String startingPosition, int batchSize,
        int batchingWindowSeconds, boolean bisectOnError, int maximumRetryAttempts, int maximumRecordAgeSeconds,
        boolean reportBatchItemFailures, String onFailureArn, List<String> filters, boolean enabled,
        long lastModified) {

    StreamMapping withEnabled(boolean next, long now) {
        return new StreamMapping(uuid, functionArn, streamArn, startingPosition, batchSize, batchingWindowSeconds,
                bisectOnError, maximumRetryAttempts, maximumRecordAgeSeconds, reportBatchItemFailures, onFailureArn,
                filters, next, now);
    }
}
