package dev.simstack.core.internal.services.sqs;

/**
 * The MD5 digests of one message, computed once when it is sent and answered by the send and by every
 * receive that returns all of its attributes.
 *
 * @param body MD5OfMessageBody / MD5OfBody
 * @param attributes MD5OfMessageAttributes over every user attribute, or null when there are none
 * @param systemAttributes MD5OfMessageSystemAttributes, or null when there are none
 */
record MessageDigests(String body, String attributes, String systemAttributes) {

    static MessageDigests of(String body, MessageAttributes attributes, MessageAttributes systemAttributes) {
        return new MessageDigests(MessageMd5.ofBody(body), attributes.md5(), systemAttributes.md5());
    }
}
