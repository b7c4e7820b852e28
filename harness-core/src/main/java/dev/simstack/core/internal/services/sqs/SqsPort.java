package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The typed door into SQS inside the engine: SendMessage, ReceiveMessage, DeleteMessage and
 * ChangeMessageVisibility on a queue named by its {@link ResourceRef}. The protocol adapters decode a
 * client's request into these same calls, and the engine's own callers (S3 notifications, API Gateway
 * integrations, event source mappings, Lambda destinations) make them directly, without HTTP or the
 * interceptors, as AWS's internal deliveries do not pass a client's throttling. So receive counts, redrive,
 * FIFO rules, long-poll wake-ups and the ledger behave the same whoever calls.
 */
public final class SqsPort {

    private final SqsRegions regions;

    SqsPort(SqsRegions regions) {
        this.regions = regions;
    }

    /**
     * Sends {@code draft} to {@code queue} as {@code sender} (the SenderId and the ledger's sender).
     *
     * @throws dev.simstack.core.AwsException SQS's error: QueueDoesNotExist, or the message breaks the
     *     queue's rules (size, FIFO group and deduplication ids)
     */
    public SentMessage send(ResourceRef queue, MessageDraft draft, String sender) {
        return send(queue(queue), draft, sender);
    }

    /**
     * Receives from {@code queue}; completes when messages are there or the request's wait ends.
     *
     * @throws dev.simstack.core.AwsException QueueDoesNotExist
     */
    public CompletionStage<List<ReceivedMessage>> receive(ResourceRef queue, ReceiveRequest request) {
        return receive(queue(queue), request);
    }

    /**
     * Deletes the message {@code receiptHandle} was handed out with; {@code consumer} goes to the ledger.
     *
     * @throws dev.simstack.core.AwsException QueueDoesNotExist, or ReceiptHandleIsInvalid
     */
    public void delete(ResourceRef queue, String receiptHandle, String consumer) {
        delete(queue(queue), receiptHandle, consumer);
    }

    /**
     * Changes the visibility timeout of the message {@code receiptHandle} was handed out with.
     *
     * @throws dev.simstack.core.AwsException QueueDoesNotExist, or the message is not in flight
     */
    public void changeVisibility(ResourceRef queue, String receiptHandle, int seconds) {
        changeVisibility(queue(queue), receiptHandle, seconds);
    }

    /**
     * The messages of an event source mapping's batch that an {@link dev.simstack.core.SqsHook} poisons: the
     * invocation fails on them, so they are not deleted.
     *
     * @return their message ids; empty when none (or no hook)
     */
    public Set<String> poisoned(ResourceRef queue, List<ReceivedMessage> batch) {
        List<dev.simstack.core.SqsHook> hooks = regions.context().hooks(dev.simstack.core.SqsHook.class);
        if (hooks.isEmpty()) {
            return Set.of();
        }
        Set<String> poisoned = new java.util.LinkedHashSet<>();
        for (ReceivedMessage message : batch) {
            String count = message.attributes() == null ? null : message.attributes().get("ApproximateReceiveCount");
            QueueHooks.Received view = new QueueHooks.Received(message, count == null ? 0 : Integer.parseInt(count));
            for (dev.simstack.core.SqsHook hook : hooks) {
                if (hook.poisons(queue, view)) {
                    poisoned.add(message.messageId());
                }
            }
        }
        return poisoned;
    }

    /** Whether {@code queue} exists. */
    public boolean exists(ResourceRef queue) {
        return find(queue) != null;
    }

    SentMessage send(SqsQueue queue, MessageDraft draft, String sender) {
        MessageDraft checked = draft.checkFor(queue.attributes());
        QueueMessages.Sent sent = queue.messages().send(checked, sender);
        MessageDigests digests = checked.digests();
        return new SentMessage(sent.messageId(), digests.body(), digests.attributes(), digests.systemAttributes(),
                sent.sequenceNumber());
    }

    CompletionStage<List<ReceivedMessage>> receive(SqsQueue queue, ReceiveRequest request) {
        return queue.messages().receive(request).thenApply(deliveries -> received(deliveries, request));
    }

    void delete(SqsQueue queue, String receiptHandle, String consumer) {
        queue.messages().delete(receiptHandle, consumer);
    }

    void changeVisibility(SqsQueue queue, String receiptHandle, int seconds) {
        queue.messages().changeVisibility(receiptHandle, seconds);
    }

    // The wire adapters look the queue up first (QueueDoesNotExist comes before parameter errors) and then
    // call the overloads above that take it, which the public ones call too.

    /** The queue {@code ref} names, or QueueDoesNotExist (also for another account's or service's ARN). */
    SqsQueue queue(ResourceRef ref) {
        SqsQueue queue = find(ref);
        if (queue == null) {
            throw SqsErrors.queueDoesNotExist();
        }
        return queue;
    }

    private SqsQueue find(ResourceRef ref) {
        if (ref.service() != AwsService.SQS || !ref.account().equals(regions.context().accountId())) {
            return null;
        }
        return regions.region(ref.region()).find(ref.name());
    }

    private static List<ReceivedMessage> received(List<Delivery> deliveries, ReceiveRequest request) {
        List<ReceivedMessage> messages = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            messages.add(received(delivery, request));
        }
        return messages;
    }

    private static ReceivedMessage received(Delivery delivery, ReceiveRequest request) {
        MessagePayload payload = delivery.message().payload;
        Map<String, String> attributes = request.systemAttributes().isEmpty() ? null
                : systemAttributes(delivery, request.systemAttributes());
        MessageAttributes selected = payload.attributes().select(request.messageAttributeNames());
        // The SDK checks this digest against the attributes returned, so it covers exactly those.
        String md5 = selected.isEmpty() ? null
                : selected == payload.attributes() ? payload.digests().attributes() : selected.md5();
        return new ReceivedMessage(payload.messageId(), delivery.receiptHandle(), payload.body(),
                payload.digests().body(), attributes, selected.asMap(), md5);
    }

    private static Map<String, String> systemAttributes(Delivery delivery, Set<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : ReceiveAction.SYSTEM_ATTRIBUTES) {
            if (names.contains(name)) {
                String value = systemAttribute(name, delivery);
                if (value != null) {
                    values.put(name, value);
                }
            }
        }
        return values;
    }

    private static String systemAttribute(String name, Delivery delivery) {
        SqsMessage message = delivery.message();
        MessagePayload payload = message.payload;
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
