package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/** DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility and ChangeMessageVisibilityBatch. */
final class DeleteActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_VISIBILITY_TIMEOUT = 43_200;

    private final SqsRegions regions;
    private final SqsPort port;

    DeleteActions(SqsRegions regions, SqsPort port) {
        this.regions = regions;
        this.port = port;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("DeleteMessage", SqsOperation.sync(this::deleteMessage));
        operations.put("DeleteMessageBatch", SqsOperation.sync(this::deleteMessageBatch));
        operations.put("ChangeMessageVisibility", SqsOperation.sync(this::changeMessageVisibility));
        operations.put("ChangeMessageVisibilityBatch", SqsOperation.sync(this::changeMessageVisibilityBatch));
    }

    private JsonNode deleteMessage(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        port.delete(queue, input.requiredString("ReceiptHandle"), SendActions.sender(call));
        return NODES.objectNode();
    }

    private JsonNode deleteMessageBatch(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        BatchEntries result = new BatchEntries();
        for (Input entry : BatchEntries.read(input, "DeleteMessageBatchRequestEntry")) {
            String id = entry.string("Id");
            try {
                port.delete(queue, entry.requiredString("ReceiptHandle"), SendActions.sender(call));
                result.succeed(id);
            } catch (AwsException error) {
                result.fail(id, error);
            }
        }
        return result.output();
    }

    private JsonNode changeMessageVisibility(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        String handle = input.requiredString("ReceiptHandle");
        port.changeVisibility(queue, handle, visibilityTimeout(input));
        return NODES.objectNode();
    }

    private JsonNode changeMessageVisibilityBatch(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        BatchEntries result = new BatchEntries();
        for (Input entry : BatchEntries.read(input, "ChangeMessageVisibilityBatchRequestEntry")) {
            String id = entry.string("Id");
            try {
                port.changeVisibility(queue, entry.requiredString("ReceiptHandle"), visibilityTimeout(entry));
                result.succeed(id);
            } catch (AwsException error) {
                result.fail(id, error);
            }
        }
        return result.output();
    }

    private static int visibilityTimeout(Input input) {
        Integer seconds = input.integer("VisibilityTimeout");
        if (seconds == null) {
            throw SqsErrors.missingParameter("VisibilityTimeout");
        }
        if (seconds < 0 || seconds > MAX_VISIBILITY_TIMEOUT) {
            throw SqsErrors.invalidParameter("VisibilityTimeout", seconds, "Must be between 0 and 43200, if provided");
        }
        return seconds;
    }
}
