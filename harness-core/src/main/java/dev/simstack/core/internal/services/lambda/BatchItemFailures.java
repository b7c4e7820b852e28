package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.services.dynamodb.streams.StreamRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stream function's partial batch response ("Configuring partial batch response with DynamoDB and Lambda"):
 * {@code batchItemFailures[].itemIdentifier} names sequence numbers; Lambda retries from the lowest. An empty
 * or null identifier, or one not in the batch, fails the whole batch; no list, or an empty one, is a success.
 */
final class BatchItemFailures {

    /** No record failed. */
    static final long NONE = -1;

    private BatchItemFailures() {
    }

    /** The sequence number to retry from, or {@link #NONE}. */
    static long firstFailed(InvocationResult result, List<StreamRecord> batch) {
        JsonNode response;
        try {
            response = new JsonTrees().read(result.payload());
        } catch (Exception e) {
            return NONE; // a reply that is not JSON is a success without a report
        }
        if (response == null || !response.isObject()) {
            return NONE;
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(record -> inBatch.add(record.sequenceNumber()));
        long first = Long.MAX_VALUE;
        for (JsonNode item : response.path("batchItemFailures")) {
            String id = item.path("itemIdentifier").asText("");
            if (id.isEmpty() || !inBatch.contains(id)) {
                return Long.parseLong(batch.get(0).sequenceNumber());
            }
            first = Math.min(first, Long.parseLong(id));
        }
        return first == Long.MAX_VALUE ? NONE : first;
    }
}
