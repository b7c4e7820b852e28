package dev.simstack.core.internal.stack;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.sqs.MessageDraft;
import dev.simstack.core.internal.services.sqs.SqsPort;

/**
 * The {@link QueueSink} of a stack: SQS's typed SendMessage (not HTTP, nor the interceptors, as AWS's
 * internal deliveries do not pass a client's throttling), in the region and account the queue's
 * reference names. The sender is the account, as for an unsigned request.
 */
final class SqsQueueSink implements QueueSink {

    private final SqsPort sqs;
    private final StackContext context;

    SqsQueueSink(SqsPort sqs, StackContext context) {
        this.sqs = sqs;
        this.context = context;
    }

    @Override
    public void send(ResourceRef queue, String body) {
        sqs.send(queue, MessageDraft.of(body), context.accountId());
    }
}
