package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.internal.engine.Input;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One message as SendMessage or a SendMessageBatch entry asks for it, validated first on its own
 * ({@link #read}) and then against the queue it goes to ({@link #checkFor}).
 *
 * @param body the body
 * @param delaySeconds the per-message delay, or null for the queue's DelaySeconds
 * @param attributes the user message attributes
 * @param systemAttributes the message system attributes
 * @param groupId MessageGroupId, or null
 * @param deduplicationId MessageDeduplicationId (after {@link #checkFor}, the content-based one if needed)
 * @param digests the MD5 digests the send answers
 */
public record MessageDraft(String body, Integer delaySeconds, MessageAttributes attributes,
        MessageAttributes systemAttributes, String groupId, String deduplicationId, MessageDigests digests) {

    private static final int MAX_ID_LENGTH = 128;

    /**
     * A message of {@code body} alone, as the engine's own senders (S3 notifications, API Gateway
     * integrations, Lambda destinations) send one, checked as SendMessage checks a body.
     */
    public static MessageDraft of(String body) {
        checkBody(body);
        return new MessageDraft(body, null, MessageAttributes.NONE, MessageAttributes.NONE, null, null,
                MessageDigests.of(body, MessageAttributes.NONE, MessageAttributes.NONE));
    }

    /**
     * A message of {@code body} with SendMessage's delay and FIFO members (each may be null), as an API Gateway
     * {@code SQS-SendMessage} integration maps them from a request; checked as SendMessage checks them.
     */
    public static MessageDraft of(String body, Integer delaySeconds, String groupId, String deduplicationId) {
        checkBody(body);
        return new MessageDraft(body, delaySeconds, MessageAttributes.NONE, MessageAttributes.NONE,
                fifoId(groupId, "MessageGroupId"), fifoId(deduplicationId, "MessageDeduplicationId"),
                MessageDigests.of(body, MessageAttributes.NONE, MessageAttributes.NONE));
    }

    /** Reads a SendMessage request (or batch entry) and checks what does not depend on the queue. */
    static MessageDraft read(Input entry) {
        String body = entry.string("MessageBody");
        checkBody(body);
        Integer delay = entry.integer("DelaySeconds");
        if (delay != null && (delay < 0 || delay > 900)) {
            throw SqsErrors.invalidParameter("DelaySeconds", delay, "DelaySeconds must be >= 0 and <= 900");
        }
        String groupId = fifoId(entry.string("MessageGroupId"), "MessageGroupId");
        String deduplicationId = fifoId(entry.string("MessageDeduplicationId"), "MessageDeduplicationId");
        MessageAttributes attributes = MessageAttributes.user(entry.objectMap("MessageAttributes"));
        MessageAttributes system = MessageAttributes.system(entry.objectMap("MessageSystemAttributes"));
        return new MessageDraft(body, delay, attributes, system, groupId, deduplicationId,
                MessageDigests.of(body, attributes, system));
    }

    private static void checkBody(String body) {
        if (body == null || body.isEmpty()) {
            throw SqsErrors.missingParameter("MessageBody");
        }
        MessageCharacters.checkBody(body);
    }

    private static String fifoId(String value, String name) {
        if (value == null) {
            return null;
        }
        boolean valid = !value.isEmpty() && value.length() <= MAX_ID_LENGTH;
        for (int i = 0; valid && i < value.length(); i++) {
            valid = value.charAt(i) >= 0x21 && value.charAt(i) <= 0x7E;
        }
        if (!valid) {
            throw SqsErrors.invalidParameter(name, value, name
                    + " can only include alphanumeric and punctuation characters. 1 to 128 in length");
        }
        return value;
    }

    /** Bytes counted against MaximumMessageSize: the body and every attribute's name, type and value. */
    int size() {
        return body.getBytes(StandardCharsets.UTF_8).length + attributes.size();
    }

    /** Checks the queue-specific rules; returns the draft with its content-based deduplication id if needed. */
    MessageDraft checkFor(QueueAttributes queue) {
        int size = size();
        if (size > queue.maximumMessageSize()) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be "
                    + "shorter than " + queue.maximumMessageSize() + " bytes.");
        }
        if (!queue.fifo()) {
            if (deduplicationId != null) {
                throw SqsErrors.invalidParameter("MessageDeduplicationId", deduplicationId,
                        "The request includes a parameter that is not valid for this queue type");
            }
            return this;
        }
        if (groupId == null) {
            throw SqsErrors.missingParameter("MessageGroupId");
        }
        if (delaySeconds != null && delaySeconds != 0) {
            // FIFO queues support only the queue's DelaySeconds, not a per-message delay.
            throw SqsErrors.invalidParameter("DelaySeconds", delaySeconds,
                    "The request include parameter that is not valid for this queue type");
        }
        if (deduplicationId != null) {
            return this;
        }
        if (!queue.contentBasedDeduplication()) {
            throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication enabled "
                    + "or MessageDeduplicationId provided explicitly");
        }
        return new MessageDraft(body, delaySeconds, attributes, systemAttributes, groupId, sha256(body), digests);
    }

    MessagePayload payload(String messageId, String senderId) {
        return new MessagePayload(messageId, body, attributes, systemAttributes, senderId, groupId, deduplicationId,
                size(), digests);
    }

    /** Content-based deduplication: "a SHA-256 hash ... using the body of the message (but not the attributes)". */
    private static String sha256(String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
