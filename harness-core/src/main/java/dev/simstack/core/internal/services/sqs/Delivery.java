package dev.simstack.core.internal.services.sqs;

/**
 * One message as a receive handed it out: a snapshot taken under the queue's lock, so that the answer
 * can be written after the lock is released.
 *
 * @param message the message (its payload and send-time fields are immutable)
 * @param receiptHandle the receipt handle of this receive
 * @param nonce the receive's nonce, to tell whether a retried receive attempt still owns the message
 * @param receiveCount ApproximateReceiveCount after this receive
 * @param firstReceivedAt ApproximateFirstReceiveTimestamp, epoch millis
 */
record Delivery(SqsMessage message, String receiptHandle, String nonce, int receiveCount, long firstReceivedAt) {
}
