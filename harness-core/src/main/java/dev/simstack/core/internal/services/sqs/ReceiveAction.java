package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    ReceiveAction(SqsRegions regions) {
        this.regions = regions;
    }

    void register(Map<String, SqsOperation> operations) {
        operations.put("ReceiveMessage", (call, input) -> {
            SqsQueue queue = regions.queue(call, input);
            ReceiveRequest request = read(input, queue.attributes(), call);
            return queue.messages().receive(request).thenApply(deliveries -> answer(deliveries, request));
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

    private static JsonNode answer(List<Delivery> deliveries, ReceiveRequest request) {
        ObjectNode output = NODES.objectNode();
        if (!deliveries.isEmpty()) {
            ArrayNode messages = output.putArray("Messages");
            for (Delivery delivery : deliveries) {
                messages.add(message(delivery, request));
            }
        }
        return output;
    }

    private static ObjectNode message(Delivery delivery, ReceiveRequest request) {
        MessagePayload payload = delivery.message().payload;
        ObjectNode json = NODES.objectNode();
        json.put("MessageId", payload.messageId());
        json.put("ReceiptHandle", delivery.receiptHandle());
        json.put("MD5OfBody", payload.digests().body());
        json.put("Body", payload.body());
        if (!request.systemAttributes().isEmpty()) {
            json.set("Attributes", systemAttributes(delivery, request.systemAttributes()));
        }
        MessageAttributes selected = payload.attributes().select(request.messageAttributeNames());
        if (!selected.isEmpty()) {
            // The SDK checks this digest against the attributes returned, so it covers exactly those.
            json.put("MD5OfMessageAttributes", selected == payload.attributes() ? payload.digests().attributes()
                    : selected.md5());
            json.set("MessageAttributes", selected.toJson(NODES));
        }
        return json;
    }

    private static ObjectNode systemAttributes(Delivery delivery, Set<String> names) {
        SqsMessage message = delivery.message();
        MessagePayload payload = message.payload;
        ObjectNode json = NODES.objectNode();
        for (String name : SYSTEM_ATTRIBUTES) {
            if (names.contains(name)) {
                String value = systemAttribute(name, delivery, message, payload);
                if (value != null) {
                    json.put(name, value);
                }
            }
        }
        return json;
    }

    private static String systemAttribute(String name, Delivery delivery, SqsMessage message,
            MessagePayload payload) {
        switch (name) {
            case "SenderId":
                return payload.senderId();
            case "SentTimestamp":
                return Long.toString(message.sentAt);
            case "ApproximateReceiveCount":
                return Integer.toString(delivery.receiveCount());
            case "ApproximateFirstReceiveTimestamp":
                return Long.toString(delivery.firstReceivedAt());
            case "SequenceNumber":
                return message.sequenceNumber;
            case "MessageDeduplicationId":
                return payload.deduplicationId();
            case "MessageGroupId":
                return payload.groupId();
            case "AWSTraceHeader":
                return payload.traceHeader();
            default:
                return message.deadLetterSourceArn;
        }
    }
}
