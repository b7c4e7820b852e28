package dev.simstack.core.internal.services.sqs;

/**
 * What SendMessage answers for one message.
 *
 * @param messageId the message id (the original's for a FIFO duplicate)
 * @param md5OfMessageBody MD5OfMessageBody
 * @param md5OfMessageAttributes MD5OfMessageAttributes, or null when the message has no attributes
 * @param md5OfMessageSystemAttributes MD5OfMessageSystemAttributes, or null when it has none
 * @param sequenceNumber the FIFO SequenceNumber, or null for a standard queue
 */
public record SentMessage(String messageId, String md5OfMessageBody, String md5OfMessageAttributes,
        String md5OfMessageSystemAttributes, String sequenceNumber) {
}
