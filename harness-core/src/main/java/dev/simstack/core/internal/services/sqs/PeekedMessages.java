package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.PeekedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies a queue's messages into the harness's {@link PeekedMessage}s, reading each message's state as
 * the clock has made it without changing anything (the queue applies due timers only when it is used).
 * Called under the queue's lock.
 */
final class PeekedMessages {

    private PeekedMessages() {
    }

    /**
     * @param messages the queue's messages in queue order
     * @param now the stack clock's instant, epoch millis
     * @param retentionCutoff messages retained from this instant or earlier have expired
     */
    static List<PeekedMessage> of(List<SqsMessage> messages, long now, long retentionCutoff) {
        List<PeekedMessage> peeked = new ArrayList<>(messages.size());
        for (SqsMessage message : messages) {
            if (message.retainedFrom > retentionCutoff) {
                peeked.add(peek(message, now));
            }
        }
        return peeked;
    }

    private static PeekedMessage peek(SqsMessage message, long now) {
        MessagePayload payload = message.payload;
        return new PeekedMessage(payload.messageId(), payload.body(), attributes(payload.attributes()),
                systemAttributes(message), message.receiveCount, state(message, now));
    }

    private static PeekedMessage.State state(SqsMessage message, long now) {
        if (message.state == SqsMessage.State.VISIBLE || message.visibleAt <= now) {
            return PeekedMessage.State.VISIBLE;
        }
        return message.state == SqsMessage.State.IN_FLIGHT ? PeekedMessage.State.IN_FLIGHT
                : PeekedMessage.State.DELAYED;
    }

    private static Map<String, PeekedMessage.Attribute> attributes(MessageAttributes attributes) {
        Map<String, PeekedMessage.Attribute> copy = new TreeMap<>();
        attributes.values().forEach((name, value) -> copy.put(name,
                new PeekedMessage.Attribute(value.dataType(), value.stringValue(), value.binaryValue())));
        return copy;
    }

    /** The system attributes ReceiveMessage would answer (but the receive count), in its order. */
    private static Map<String, String> systemAttributes(SqsMessage message) {
        MessagePayload payload = message.payload;
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfSet(attributes, "SenderId", payload.senderId());
        putIfSet(attributes, "SentTimestamp", Long.toString(message.sentAt));
        putIfSet(attributes, "ApproximateFirstReceiveTimestamp",
                message.firstReceivedAt == 0 ? null : Long.toString(message.firstReceivedAt));
        putIfSet(attributes, "SequenceNumber", message.sequenceNumber);
        putIfSet(attributes, "MessageDeduplicationId", payload.deduplicationId());
        putIfSet(attributes, "MessageGroupId", payload.groupId());
        putIfSet(attributes, "AWSTraceHeader", payload.traceHeader());
        putIfSet(attributes, "DeadLetterQueueSourceArn", message.deadLetterSourceArn);
        return attributes;
    }

    private static void putIfSet(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
