package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.Input;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A queue's messages as a snapshot document and back: each message whole (payload, timestamps, receive
 * count, current receipt, state), in the queue's order (FIFO sequence, else send time), and a FIFO
 * queue's deduplication window and sequence counter, so a reloaded queue answers duplicates and numbers
 * sends as before.
 */
final class MessageSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageSnapshots() {
    }

    static ObjectNode write(List<SqsMessage> messages, List<FifoDeduplication.Original> originals, long lastSequence,
            long lastPurgeAt) {
        ObjectNode json = NODES.objectNode();
        json.put("lastSequence", lastSequence);
        if (lastPurgeAt != Long.MIN_VALUE) {
            json.put("lastPurgeAt", lastPurgeAt);
        }
        List<SqsMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparing((SqsMessage m) -> m.sequenceNumber == null ? "" : m.sequenceNumber)
                .thenComparingLong(m -> m.sentAt));
        ArrayNode array = json.putArray("messages");
        ordered.forEach(message -> array.add(write(message)));
        ArrayNode dedup = json.putArray("deduplication");
        for (FifoDeduplication.Original original : originals) {
            dedup.addObject().put("key", original.key()).put("messageId", original.messageId())
                    .put("sequenceNumber", original.sequenceNumber()).put("sentAt", original.sentAt());
        }
        return json;
    }

    private static ObjectNode write(SqsMessage message) {
        MessagePayload payload = message.payload;
        ObjectNode json = NODES.objectNode();
        json.put("messageId", payload.messageId());
        json.put("body", payload.body());
        json.set("attributes", payload.attributes().toJson(NODES));
        json.set("systemAttributes", payload.systemAttributes().toJson(NODES));
        json.put("senderId", payload.senderId());
        json.put("groupId", payload.groupId());
        json.put("deduplicationId", payload.deduplicationId());
        json.put("size", payload.size());
        json.put("sentAt", message.sentAt);
        json.put("retainedFrom", message.retainedFrom);
        json.put("sequenceNumber", message.sequenceNumber);
        json.put("deadLetterSourceArn", message.deadLetterSourceArn);
        json.put("state", message.state.name());
        json.put("visibleAt", message.visibleAt);
        json.put("receiveCount", message.receiveCount);
        json.put("firstReceivedAt", message.firstReceivedAt);
        json.put("receivedAt", message.receivedAt);
        json.put("receipt", message.receipt);
        return json;
    }

    /** The messages of a snapshot, with their saved state and visibleAt, not yet in any store. */
    static List<SqsMessage> messages(JsonNode snapshot) {
        List<SqsMessage> messages = new ArrayList<>();
        for (JsonNode json : snapshot.path("messages")) {
            Input input = new Input(json);
            MessageAttributes attributes = MessageAttributes.user(input.objectMap("attributes"));
            MessageAttributes system = MessageAttributes.system(input.objectMap("systemAttributes"));
            String body = json.path("body").asText();
            MessagePayload payload = new MessagePayload(json.path("messageId").asText(), body, attributes, system,
                    text(json, "senderId"), text(json, "groupId"), text(json, "deduplicationId"),
                    json.path("size").asInt(), MessageDigests.of(body, attributes, system));
            SqsMessage message = new SqsMessage(payload, json.path("sentAt").asLong(), json.path("retainedFrom").asLong(),
                    text(json, "sequenceNumber"), text(json, "deadLetterSourceArn"));
            message.state = SqsMessage.State.valueOf(json.path("state").asText());
            message.visibleAt = json.path("visibleAt").asLong();
            message.receiveCount = json.path("receiveCount").asInt();
            message.firstReceivedAt = json.path("firstReceivedAt").asLong();
            message.receivedAt = json.path("receivedAt").asLong();
            message.receipt = text(json, "receipt");
            messages.add(message);
        }
        return messages;
    }

    static List<FifoDeduplication.Original> originals(JsonNode snapshot) {
        List<FifoDeduplication.Original> originals = new ArrayList<>();
        for (JsonNode json : snapshot.path("deduplication")) {
            originals.add(new FifoDeduplication.Original(json.path("key").asText(), json.path("messageId").asText(),
                    text(json, "sequenceNumber"), json.path("sentAt").asLong()));
        }
        return originals;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() ? value.textValue() : null;
    }
}
