package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.List;
import java.util.Map;

/** TagQueue, UntagQueue and ListQueueTags. */
final class TagActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SqsRegions regions;

    TagActions(SqsRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("TagQueue", SqsOperation.sync(this::tagQueue));
        operations.put("UntagQueue", SqsOperation.sync(this::untagQueue));
        operations.put("ListQueueTags", SqsOperation.sync(this::listQueueTags));
    }

    private JsonNode tagQueue(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        Map<String, String> tags = input.stringMap("Tags");
        if (tags.isEmpty()) {
            throw SqsErrors.missingParameter("Tags");
        }
        queue.tag(tags);
        return NODES.objectNode();
    }

    private JsonNode untagQueue(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        List<String> keys = input.stringList("TagKeys");
        QueueTags.checkKeys(keys);
        queue.untag(keys);
        return NODES.objectNode();
    }

    private JsonNode listQueueTags(DecodedCall call, Input input) {
        Map<String, String> tags = regions.queue(call, input).tags();
        ObjectNode output = NODES.objectNode();
        if (!tags.isEmpty()) {
            ObjectNode json = output.putObject("Tags");
            tags.forEach(json::put);
        }
        return output;
    }
}
