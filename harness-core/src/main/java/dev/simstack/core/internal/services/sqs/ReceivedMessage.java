package dev.simstack.core.internal.services.sqs;

import java.util.Map;
import java.util.SortedMap;

/**
 * One message as ReceiveMessage hands it out, with the attributes the receive asked for. The wire
 * answer and an event source mapping's SQS event are both written from this, so they agree.
 *
 * @param messageId MessageId
 * @param receiptHandle the receipt handle of this receive
 * @param body the body
 * @param md5OfBody MD5OfBody
 * @param attributes the message system attributes asked for, in SQS's order (name to value); null when
 *     none were asked for
 * @param messageAttributes the message attributes asked for, sorted by name; empty when none
 * @param md5OfMessageAttributes the digest of exactly {@code messageAttributes}, or null when empty
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body, String md5OfBody,
        Map<String, String> attributes, SortedMap<String, MessageAttributeValue> messageAttributes,
        String md5OfMessageAttributes) {
}
