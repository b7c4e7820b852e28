package dev.simstack.core.internal.services.sqs;

/**
 * What a sender gave SQS for one message, unchanged for its whole life (also when it moves to a
 * dead-letter queue or is redriven), with the digests SQS answers for it.
 *
 * @param messageId the SQS message id
 * @param body the body
 * @param attributes the user message attributes
 * @param systemAttributes the message system attributes (AWSTraceHeader)
 * @param senderId who sent it (the caller's access key id, or the account id when unsigned)
 * @param groupId the MessageGroupId, or null
 * @param deduplicationId the MessageDeduplicationId (given or content-based), or null
 * @param size the bytes counted against MaximumMessageSize
 * @param digests the MD5 digests of body and attributes
 */
record MessagePayload(String messageId, String body, MessageAttributes attributes, MessageAttributes systemAttributes,
        String senderId, String groupId, String deduplicationId, int size, MessageDigests digests) {

    /** The value of the AWSTraceHeader system attribute, or null. */
    String traceHeader() {
        MessageAttributeValue header = systemAttributes.get("AWSTraceHeader");
        return header == null ? null : header.stringValue();
    }
}
