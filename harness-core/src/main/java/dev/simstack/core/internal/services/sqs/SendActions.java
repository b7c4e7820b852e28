package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SendMessage and SendMessageBatch. */
final class SendActions {

    /** "The maximum allowed individual message size and the maximum total payload size ... are both 1 MiB." */
    private static final int MAX_BATCH_BYTES = 1_048_576;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SqsRegions regions;
    private final SqsPort port;

    SendActions(SqsRegions regions, SqsPort port) {
        this.regions = regions;
        this.port = port;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("SendMessage", SqsOperation.sync(this::sendMessage));
        operations.put("SendMessageBatch", SqsOperation.sync(this::sendMessageBatch));
    }

    private JsonNode sendMessage(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        MessageDraft draft = MessageDraft.read(input);
        return describe(port.send(queue, draft, sender(call)), NODES.objectNode());
    }

    private JsonNode sendMessageBatch(DecodedCall call, Input input) {
        SqsQueue queue = port.queue(regions.ref(call, input));
        List<Input> entries = BatchEntries.read(input, "SendMessageBatchRequestEntry");
        BatchEntries result = new BatchEntries();
        Map<String, MessageDraft> drafts = readEach(entries, result);
        long total = drafts.values().stream().mapToLong(MessageDraft::size).sum();
        // The batch's total is AWS's own limit, whatever the queue's MaximumMessageSize: checked before the
        // queue's rules, so entries each too long for the queue still make a batch too long.
        if (total > MAX_BATCH_BYTES) {
            throw SqsErrors.batchRequestTooLong(total, MAX_BATCH_BYTES);
        }
        // Every entry is checked before any is sent (one entry's error fails only it; a batch too long fails
        // all); the port's own check of a checked draft passes it unchanged.
        drafts.replaceAll((id, draft) -> checkFor(queue, id, draft, result));
        String sender = sender(call);
        drafts.forEach((id, draft) -> {
            if (draft != null) {
                describe(port.send(queue, draft, sender), result.succeed(id));
            }
        });
        return result.output();
    }

    /** The entries that read as messages, by id in request order; the others fail in {@code result}. */
    private static Map<String, MessageDraft> readEach(List<Input> entries, BatchEntries result) {
        Map<String, MessageDraft> drafts = new LinkedHashMap<>();
        for (Input entry : entries) {
            String id = entry.string("Id");
            try {
                drafts.put(id, MessageDraft.read(entry));
            } catch (AwsException error) {
                result.fail(id, error);
            }
        }
        return drafts;
    }

    private static MessageDraft checkFor(SqsQueue queue, String id, MessageDraft draft, BatchEntries result) {
        try {
            return draft.checkFor(queue.attributes());
        } catch (AwsException error) {
            result.fail(id, error);
            return null;
        }
    }

    private static ObjectNode describe(SentMessage sent, ObjectNode output) {
        output.put("MessageId", sent.messageId());
        output.put("MD5OfMessageBody", sent.md5OfMessageBody());
        if (sent.md5OfMessageAttributes() != null) {
            output.put("MD5OfMessageAttributes", sent.md5OfMessageAttributes());
        }
        if (sent.md5OfMessageSystemAttributes() != null) {
            output.put("MD5OfMessageSystemAttributes", sent.md5OfMessageSystemAttributes());
        }
        if (sent.sequenceNumber() != null) {
            output.put("SequenceNumber", sent.sequenceNumber());
        }
        return output;
    }

    /** SenderId: AWS answers the caller's IAM identity; the engine knows the access key id. */
    static String sender(DecodedCall call) {
        return call.accessKeyId() != null ? call.accessKeyId() : call.accountId();
    }
}
