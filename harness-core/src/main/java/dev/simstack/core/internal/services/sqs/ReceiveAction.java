package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ReceiveMessage: validates the request, lets the queue deliver (at once, or when a long poll is
 * answered), and writes each message with the system attributes and message attributes asked for.
 */
final class ReceiveAction {

    /** The message system attributes a receive can ask for, in the order they are answered. */
    static final List<String> SYSTEM_ATTRIBUTES = List.of("SenderId", "SentTimestamp", "ApproximateReceiveCount",
            "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId", "MessageGroupId",
            "AWSTraceHeader", "DeadLetterQueueSourceArn");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SqsRegions regions;
    private final SqsPort port;

    ReceiveAction(SqsRegions regions, SqsPort port) {
        this.regions = regions;
        this.port = port;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("ReceiveMessage", (call, input) -> {
            SqsQueue queue = port.queue(regions.ref(call, input));
            ReceiveRequest request = read(input, queue.attributes(), call);
            return port.receive(queue, request).thenApply(ReceiveAction::answer);
        });
    }

    private static ReceiveRequest read(Input input, QueueAttributes queue, DecodedCall call) {
        Integer max = input.integer("MaxNumberOfMessages");
        if (max != null && (max < 1 || max > 10)) {
            throw SqsErrors.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided");
        }
        Integer visibility = input.integer("VisibilityTimeout");
        if (visibility != null && (visibility < 0 || visibility > 43_200)) {
            throw SqsErrors.invalidParameter("VisibilityTimeout", visibility,
                    "Must be between 0 and 43200, if provided");
        }
        Integer wait = input.integer("WaitTimeSeconds");
        if (wait != null && (wait < 0 || wait > 20)) {
            throw SqsErrors.invalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided");
        }
        String attemptId = input.string("ReceiveRequestAttemptId");
        if (attemptId != null && !validAttemptId(attemptId)) {
            throw SqsErrors.invalidParameter("ReceiveRequestAttemptId", attemptId, "ReceiveRequestAttemptId can "
                    + "only include alphanumeric and punctuation characters. 1 to 128 in length");
        }
        return new ReceiveRequest(max == null ? 1 : max, visibility,
                wait == null ? queue.receiveMessageWaitTimeSeconds() : wait, systemAttributes(input),
                input.stringList("MessageAttributeNames"), attemptId, SendActions.sender(call));
    }

    private static Set<String> systemAttributes(Input input) {
        Set<String> names = new LinkedHashSet<>(input.stringList("AttributeNames"));
        names.addAll(input.stringList("MessageSystemAttributeNames"));
        for (String name : names) {
            if (!name.equals("All") && !SYSTEM_ATTRIBUTES.contains(name)) {
                throw SqsErrors.invalidAttributeName(name);
            }
        }
        return names.contains("All") ? Set.copyOf(SYSTEM_ATTRIBUTES) : names;
    }

    private static boolean validAttemptId(String id) {
        boolean valid = !id.isEmpty() && id.length() <= 128;
        for (int i = 0; valid && i < id.length(); i++) {
            valid = id.charAt(i) >= 0x21 && id.charAt(i) <= 0x7E;
        }
        return valid;
    }

    private static JsonNode answer(List<ReceivedMessage> received) {
        ObjectNode output = NODES.objectNode();
        if (!received.isEmpty()) {
            ArrayNode messages = output.putArray("Messages");
            for (ReceivedMessage message : received) {
                messages.add(message(message));
            }
        }
        return output;
    }

    private static ObjectNode message(ReceivedMessage message) {
        ObjectNode json = NODES.objectNode();
        json.put("MessageId", message.messageId());
        json.put("ReceiptHandle", message.receiptHandle());
        json.put("MD5OfBody", message.md5OfBody());
        json.put("Body", message.body());
        if (message.attributes() != null) {
            ObjectNode attributes = json.putObject("Attributes");
            message.attributes().forEach(attributes::put);
        }
        if (!message.messageAttributes().isEmpty()) {
            json.put("MD5OfMessageAttributes", message.md5OfMessageAttributes());
            ObjectNode attributes = json.putObject("MessageAttributes");
            message.messageAttributes().forEach((name, value) -> attributes.set(name, value.toJson(NODES)));
        }
        return json;
    }
}
