package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.sqs.QueueView;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A live view of one SQS queue of a running stack, taken with {@link Stack#queue(String)}. Each read looks
 * the queue up by its region and name and reads its state at that moment, in-process: nothing goes over
 * HTTP, through interceptors or into the ledger as a request, and nothing a client could see changes.
 *
 * <p>A handle outlives its queue: if the queue is deleted (or a reset empties the stack and does not
 * declare it again) after the handle was taken, the reads that need it ({@link #url()}, {@link #depth()},
 * {@link #peek()}, {@link #deadLetterQueue()}) throw an {@link IllegalStateException} saying so; once a
 * queue of that name exists there again, they read that queue. {@link #ref()} and {@link #arn()} never
 * throw.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class QueueHandle {

    private final Engine engine;
    private final ResourceRef ref;

    QueueHandle(Engine engine, ResourceRef ref) {
        this.engine = engine;
        this.ref = ref;
    }

    /** The queue's identity: region, account and name. */
    public ResourceRef ref() {
        return ref;
    }

    /** The queue's ARN, e.g. {@code arn:aws:sqs:us-east-1:000000000000:orders}. */
    public String arn() {
        return ref.arn();
    }

    /**
     * The queue URL as clients of the stack see it: the string GetQueueUrl answers a client pointed at
     * {@link Stack#endpoint()}, e.g. {@code http://127.0.0.1:53211/000000000000/orders}.
     *
     * @throws IllegalStateException if the queue was deleted after this handle was taken
     */
    public String url() {
        return view().url(engine.hostAndPort());
    }

    /**
     * How many messages the queue holds now, by state, read atomically under the queue's lock. As any call
     * on the queue does, it first applies what time has done: delays and visibility timeouts that ended make
     * their messages visible, and messages past the retention period expire (recorded in the ledger as
     * {@link LedgerEntry.MessageEvent#EXPIRED}).
     *
     * @throws IllegalStateException if the queue was deleted after this handle was taken
     */
    public QueueDepth depth() {
        return view().depth();
    }

    /**
     * The messages in the queue now, in queue order (the order they entered it: sent, moved in from a
     * source queue or redriven; for a FIFO queue, sequence-number order), with their state at this moment.
     * Peeking changes nothing: no visibility timeout starts, receive counts stay, and the ledger records
     * nothing.
     *
     * @throws IllegalStateException if the queue was deleted after this handle was taken
     */
    public List<PeekedMessage> peek() {
        return view().peek();
    }

    /**
     * The handle of the queue the redrive policy moves messages to, or empty if the queue has no redrive
     * policy. The returned handle throws on reads if that queue does not exist (any more).
     *
     * @throws IllegalStateException if this queue was deleted after this handle was taken
     */
    public Optional<QueueHandle> deadLetterQueue() {
        String target = view().deadLetterTargetArn();
        return Optional.ofNullable(target).map(arn -> new QueueHandle(engine, ResourceRef.fromArn(arn)));
    }

    private QueueView view() {
        QueueView view = engine.sqs().view(ref.region(), ref.name());
        if (view == null) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.QUEUE, ref.region(), ref.name());
        }
        return view;
    }

    @Override
    public String toString() {
        return "QueueHandle[" + ref + "]";
    }
}
