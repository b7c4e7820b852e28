package dev.simstack.core.internal.services.sqs;

/**
 * One message in one queue. The payload never changes; the delivery state (visibility, receive count,
 * current receipt) changes only under the owning queue's lock.
 */
final class SqsMessage {

    /** Where a message is in its life in a queue. */
    enum State {
        /** Sent with a delay that has not passed yet. */
        DELAYED,
        /** Receivable. */
        VISIBLE,
        /** Received and hidden until its visibility timeout ends. */
        IN_FLIGHT,
        /** Deleted, expired, purged or moved away. */
        GONE
    }

    final MessagePayload payload;
    /** When it was sent to this queue, epoch millis (SentTimestamp). */
    final long sentAt;
    /** The instant retention counts from, epoch millis. */
    final long retainedFrom;
    /** The FIFO SequenceNumber, or null for a standard queue. */
    final String sequenceNumber;
    /** The ARN of the queue it was dead-lettered from, or null. */
    final String deadLetterSourceArn;

    State state;
    /** When it becomes (or became) visible, epoch millis: end of its delay or of its visibility timeout. */
    long visibleAt;
    int receiveCount;
    long firstReceivedAt;
    /** When the current receive happened; a visibility timeout may not reach 12 h past it. */
    long receivedAt;
    /** The nonce of the latest receipt handle, or null if never received. */
    String receipt;
    /** Its place in the order messages entered the queue (the fault points' send order). */
    long entered;
    /** Position in the standard queue's visible list, or -1. */
    int visibleIndex = -1;
    /** Positions in the store's two heaps (timers, retention), or -1. */
    final int[] heapIndex = {-1, -1};

    SqsMessage(MessagePayload payload, long sentAt, long retainedFrom, String sequenceNumber,
            String deadLetterSourceArn) {
        this.payload = payload;
        this.sentAt = sentAt;
        this.retainedFrom = retainedFrom;
        this.sequenceNumber = sequenceNumber;
        this.deadLetterSourceArn = deadLetterSourceArn;
    }

    String id() {
        return payload.messageId();
    }

    /**
     * The copy that lands in a dead-letter queue. Its receive count carries over (ApproximateReceiveCount
     * counts receives "across all queues"); a standard queue keeps the original enqueue time for retention,
     * a FIFO queue restarts it (SQS Developer Guide, "Using dead-letter queues").
     */
    SqsMessage deadLettered(String sourceArn, long now, boolean fifo, String newSequenceNumber) {
        SqsMessage copy = new SqsMessage(payload, sentAt, fifo ? now : retainedFrom, newSequenceNumber, sourceArn);
        copy.receiveCount = receiveCount;
        copy.firstReceivedAt = firstReceivedAt;
        return copy;
    }

    /** The copy a message move task sends to its destination: a fresh message with the same payload. */
    SqsMessage redriven(long now, String newSequenceNumber) {
        return new SqsMessage(payload, now, now, newSequenceNumber, null);
    }

    @Override
    public String toString() {
        return "SqsMessage[" + id() + " " + state + " received " + receiveCount + "x]";
    }
}
