package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import java.util.List;

/**
 * What the harness reads of one queue, typed and without going through the wire: its URL, its depth and
 * its messages (under the queue's lock), and its dead-letter target. Reading changes nothing a client could
 * see. A view is taken per read: it keeps answering for its queue even after the queue is deleted.
 */
public final class QueueView {

    private final SqsQueue queue;

    QueueView(SqsQueue queue) {
        this.queue = queue;
    }

    /** The queue URL GetQueueUrl answers to a client that reached the stack at {@code host}. */
    public String url(String host) {
        return queue.address().url(host);
    }

    /**
     * The queue's messages by state, under its lock. Due timers are applied first, as any SQS call on the
     * queue applies them (GetQueueAttributes' counts are the same numbers), so a message past its retention
     * period is recorded as expired in the ledger now.
     */
    public QueueDepth depth() {
        int[] counts = queue.messages().counts();
        return new QueueDepth(counts[0], counts[1], counts[2]);
    }

    /** The messages in the queue, in the order they entered it, changing nothing. */
    public List<PeekedMessage> peek() {
        return queue.messages().peek();
    }

    /** The ARN of the queue's redrive policy's dead-letter queue, or null without a redrive policy. */
    public String deadLetterTargetArn() {
        RedrivePolicy policy = queue.attributes().redrivePolicy();
        return policy == null ? null : policy.deadLetterTargetArn();
    }
}
