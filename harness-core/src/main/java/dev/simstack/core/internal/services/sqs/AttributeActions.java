package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetQueueAttributes and SetQueueAttributes. */
final class AttributeActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SqsRegions regions;

    AttributeActions(SqsRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("GetQueueAttributes", SqsOperation.sync(this::getQueueAttributes));
        operations.put("SetQueueAttributes", SqsOperation.sync(this::setQueueAttributes));
    }

    private JsonNode getQueueAttributes(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        List<String> names = input.stringList("AttributeNames");
        for (String name : names) {
            if (!name.equals("All") && QueueAttribute.named(name) == null && !QueueAttribute.READ_ONLY.contains(name)) {
                throw SqsErrors.invalidAttributeName(name);
            }
        }
        ObjectNode output = NODES.objectNode();
        if (names.isEmpty()) {
            return output;
        }
        Map<String, String> all = describe(queue);
        ObjectNode attributes = output.putObject("Attributes");
        boolean everything = names.contains("All");
        all.forEach((name, value) -> {
            if (everything || names.contains(name)) {
                attributes.put(name, value);
            }
        });
        return output;
    }

    /** Every attribute of the queue, the settable ones and those SQS computes. */
    static Map<String, String> describe(SqsQueue queue) {
        QueueAttributes settable = queue.attributes();
        int[] counts = queue.messages().counts();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QueueArn", queue.arn());
        all.put("ApproximateNumberOfMessages", Integer.toString(counts[0]));
        all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(counts[1]));
        all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(counts[2]));
        // AWS answers both timestamps in epoch seconds.
        all.put("CreatedTimestamp", Long.toString(queue.createdAt() / 1000));
        all.put("LastModifiedTimestamp", Long.toString(queue.lastModifiedAt() / 1000));
        all.putAll(settable.asMap());
        return all;
    }

    private JsonNode setQueueAttributes(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        if (!input.has("Attributes")) {
            throw SqsErrors.missingParameter("Attributes");
        }
        regions.region(call).setAttributes(queue, input.stringMap("Attributes"));
        return NODES.objectNode();
    }
}
