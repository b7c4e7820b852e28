package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.streams.StreamRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a stream mapping sends to its OnFailure destination for a discarded batch, in the shape of AWS's
 * "invocation record" for DynamoDB streams: the request and response contexts, and {@code DDBStreamBatchInfo}
 * locating the records (shard, first and last sequence numbers, their approximate arrival) rather than
 * carrying them, since the function's reader is expected to read them from the stream.
 */
final class StreamFailureRecord {

    /** The batch failed as many times as MaximumRetryAttempts allows. */
    static final String RETRIES_EXHAUSTED = "RetryAttemptsExhausted";
    /** The batch's oldest record was older than MaximumRecordAgeInSeconds. */
    static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private StreamFailureRecord() {
    }

    /**
     * @param last the last invocation's result, or null when the batch was discarded before any
     * @param invokes how many times the batch was invoked
     */
    static String body(StreamMapping mapping, String shardId, List<StreamRecord> batch, String condition,
            InvocationResult last, int invokes, Instant now, String requestId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode request = body.putObject("requestContext");
        request.put("requestId", last == null ? requestId : last.requestId());
        request.put("functionArn", mapping.functionArn());
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokes);
        if (last != null) {
            ObjectNode response = body.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", last.version());
            if (last.functionError() != null) {
                response.put("functionError", last.functionError());
            }
        }
        body.put("version", "1.0");
        body.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode info = body.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", batch.get(0).sequenceNumber());
        info.put("endSequenceNumber", batch.get(batch.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", arrival(batch.get(0)));
        info.put("approximateArrivalOfLastRecord", arrival(batch.get(batch.size() - 1)));
        info.put("batchSize", batch.size());
        info.put("streamArn", mapping.streamArn());
        return body.toString();
    }

    private static String arrival(StreamRecord record) {
        return record.approximateCreationDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
