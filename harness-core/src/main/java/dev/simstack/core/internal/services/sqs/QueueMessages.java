package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.internal.engine.StackContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The messages of one queue and every operation on them, each under this object's lock, so that each
 * queue is linearizable: nothing is lost and no message is handed out twice within its visibility
 * timeout. Time rules (delay, visibility, retention, purge window, long polls) all read the stack's
 * clock; every step of a message's life is recorded in the ledger.
 */
final class QueueMessages {

    private static final long PURGE_WINDOW_MILLIS = 60_000L;
    /**
     * "For most standard queues ... there can be a maximum of approximately 120,000 in flight messages"; a
     * standard queue then answers OverLimit, a FIFO queue (same limit) returns no messages.
     */
    static final int IN_FLIGHT_LIMIT = 120_000;
    /** ChangeMessageVisibility may not hide a message past 12 hours after the receive. */
    private static final long MAX_VISIBILITY_MILLIS = 43_200_000L;

    private final StackContext context;
    private final SqsQueue queue;
    private final QueueDirectory directory;
    private final boolean fifo;
    private final MessageStore store;
    private final FifoDeduplication deduplication = new FifoDeduplication();
    private final ReceiveAttempts attempts = new ReceiveAttempts();
    private final LongPoll longPoll;
    private final QueueHooks hooks;
    private long lastPurgeAt = Long.MIN_VALUE;
    private long lastSequence;
    private boolean closed;

    /** The result of a send: the message id (the original's for a FIFO duplicate) and FIFO sequence number. */
    record Sent(String messageId, String sequenceNumber) {
    }

    QueueMessages(StackContext context, SqsQueue queue, QueueDirectory directory) {
        this.context = context;
        this.queue = queue;
        this.directory = directory;
        this.fifo = queue.fifo();
        this.store = new MessageStore(fifo ? new FifoMessages() : new StandardMessages());
        this.longPoll = new LongPoll(context.clock(), this::wake);
        this.hooks = new QueueHooks(context, queue.ref(), fifo);
    }

    // ---- sending

    Sent send(MessageDraft draft, String senderId) {
        PendingEffects effects = new PendingEffects();
        Sent sent;
        synchronized (this) {
            long now = now();
            refresh(now);
            sent = fifo ? sendFifo(draft, senderId, now) : enqueue(draft, senderId, now);
            serveWaiters(now, effects);
        }
        effects.run();
        return sent;
    }

    private Sent sendFifo(MessageDraft draft, String senderId, long now) {
        String key = FifoDeduplication.key(draft.groupId(), draft.deduplicationId(),
                queue.attributes().deduplicatesPerGroup());
        FifoDeduplication.Original original = deduplication.find(key, now);
        if (original != null) {
            context.ledger().message(MessageEvent.DEDUPLICATED, queue.ref(), original.messageId(), 0, senderId,
                    draft.groupId());
            return new Sent(original.messageId(), original.sequenceNumber());
        }
        Sent sent = enqueue(draft, senderId, now);
        deduplication.remember(key, sent.messageId(), sent.sequenceNumber(), now);
        return sent;
    }

    private Sent enqueue(MessageDraft draft, String senderId, long now) {
        MessagePayload payload = draft.payload(context.ids().next(), senderId);
        SqsMessage message = new SqsMessage(payload, now, now, fifo ? nextSequence(now) : null, null);
        int delay = draft.delaySeconds() != null ? draft.delaySeconds() : queue.attributes().delaySeconds();
        message.visibleAt = now + delay * 1000L;
        store.add(message, now);
        record(MessageEvent.SENT, message, senderId);
        hooks.sent(message);
        return new Sent(message.id(), message.sequenceNumber);
    }

    private String nextSequence(long now) {
        // SequenceNumber: "a large, non-consecutive number" that grows within the queue; 20 digits like AWS's.
        lastSequence = Math.max(lastSequence + 1, now * 10_000L);
        return "18" + String.format("%018d", lastSequence);
    }

    // ---- receiving

    CompletionStage<List<Delivery>> receive(ReceiveRequest request) {
        PendingEffects effects = new PendingEffects();
        List<Delivery> got;
        CompletableFuture<List<Delivery>> waiting = null;
        synchronized (this) {
            long now = now();
            if (!fifo && store.inFlightCount() >= IN_FLIGHT_LIMIT) {
                throw SqsErrors.overLimit("Too many messages in flight: " + IN_FLIGHT_LIMIT + " messages of queue "
                        + queue.name() + " are received and not yet deleted; delete messages after processing them.");
            }
            got = receiveNow(request, now, effects);
            if (got.isEmpty() && request.waitSeconds() > 0 && !closed) {
                waiting = longPoll.await(request, now + request.waitSeconds() * 1000L);
                longPoll.arm(now, store.nextDeadline());
            } else if (!longPoll.isEmpty()) {
                longPoll.arm(now, store.nextDeadline()); // a message handed out may come back early
            }
        }
        effects.run();
        return waiting != null ? waiting : CompletableFuture.completedFuture(got);
    }

    private List<Delivery> receiveNow(ReceiveRequest request, long now, PendingEffects effects) {
        refresh(now);
        if (fifo && request.attemptId() != null) {
            List<Delivery> replay = attempts.replay(request.attemptId(), now);
            if (replay != null) {
                return replay;
            }
        }
        QueueAttributes attributes = queue.attributes();
        int timeout = request.visibilityTimeout() != null ? request.visibilityTimeout()
                : attributes.visibilityTimeout();
        RedrivePolicy redrive = attributes.redrivePolicy();
        SqsQueue deadLetterQueue = redrive == null ? null : directory.byArn(redrive.deadLetterTargetArn());
        int max = hooks.receiveLimit(Math.min(request.maxMessages(), IN_FLIGHT_LIMIT - store.inFlightCount()),
                store.visibleCount());
        List<Delivery> delivered = new ArrayList<>(Math.max(max, 0));
        while (delivered.size() < max) {
            List<SqsMessage> picked = hooks.order(store.pick(max - delivered.size(), context.random()));
            if (picked.isEmpty()) {
                break;
            }
            for (SqsMessage message : picked) {
                // AWS moves a message once a receive would take ReceiveCount past maxReceiveCount.
                if (deadLetterQueue != null && deadLetterQueue != queue
                        && message.receiveCount >= redrive.maxReceiveCount()) {
                    store.remove(message);
                    record(MessageEvent.MOVED_TO_DLQ, message, null);
                    effects.deadLetter(deadLetterQueue, message, queue.arn());
                } else {
                    delivered.add(deliver(message, timeout, now, request.consumer()));
                    if (delivered.size() < max && hooks.deliverTwice(message)) {
                        // at-least-once: a second copy in the same answer; its handle is the current one
                        delivered.add(deliver(message, timeout, now, request.consumer()));
                    }
                }
            }
        }
        if (fifo && request.attemptId() != null) {
            attempts.remember(request.attemptId(), now, delivered);
        }
        return delivered;
    }

    private Delivery deliver(SqsMessage message, int timeoutSeconds, long now, String consumer) {
        message.receiveCount++;
        if (message.firstReceivedAt == 0) {
            message.firstReceivedAt = now;
        }
        message.receivedAt = now;
        String nonce = context.ids().next();
        message.receipt = nonce;
        long early = hooks.visibleAgainAfter(message, timeoutSeconds);
        store.hide(message, now + (early >= 0 ? early : timeoutSeconds * 1000L));
        record(MessageEvent.DELIVERED, message, consumer);
        String handle = new ReceiptHandle(queue.name(), message.id(), nonce).encode();
        return new Delivery(message, handle, nonce, message.receiveCount, message.firstReceivedAt);
    }

    /** Takes in a message dead-lettered by {@code sourceArn}, visible at once. */
    void acceptDeadLetter(SqsMessage message, String sourceArn) {
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = now();
            refresh(now);
            SqsMessage copy = message.deadLettered(sourceArn, now, fifo, fifo ? nextSequence(now) : null);
            copy.visibleAt = now;
            store.add(copy, now);
            serveWaiters(now, effects);
        }
        effects.run();
    }

    // ---- deleting and visibility

    void delete(String receiptHandle, String consumer) {
        ReceiptHandle handle = ownHandle(receiptHandle);
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            long now = now();
            refresh(now);
            SqsMessage message = store.get(handle.messageId());
            // AWS: with an older receipt handle "the request succeeds, but the message will not be deleted";
            // a message already gone is deleted "again" without error.
            boolean current = message != null && handle.nonce().equals(message.receipt);
            long keep = current ? hooks.keepAfterDelete(message) : -1;
            if (keep >= 0) {
                // at-least-once: the delete succeeds, yet the message is handed out again later
                record(MessageEvent.DELETED, message, consumer);
                message.receipt = null;
                store.hide(message, now + keep);
                longPoll.arm(now, store.nextDeadline());
            } else if (current) {
                store.remove(message);
                record(MessageEvent.DELETED, message, consumer);
                if (fifo) {
                    serveWaiters(now, effects);
                }
            }
        }
        effects.run();
    }

    void changeVisibility(String receiptHandle, int seconds) {
        ReceiptHandle handle = ownHandle(receiptHandle);
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            long now = now();
            refresh(now);
            SqsMessage message = store.get(handle.messageId());
            if (message == null || !handle.nonce().equals(message.receipt)) {
                throw SqsErrors.invalidParameter("ReceiptHandle", receiptHandle,
                        "Message does not exist or is not available for visibility timeout change");
            }
            if (message.state != SqsMessage.State.IN_FLIGHT) {
                throw SqsErrors.messageNotInflight();
            }
            long until = now + seconds * 1000L;
            if (until - message.receivedAt > MAX_VISIBILITY_MILLIS) {
                throw SqsErrors.invalidParameter("VisibilityTimeout", seconds,
                        "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
            }
            store.hide(message, until);
            if (seconds == 0) {
                serveWaiters(now, effects);
            }
        }
        effects.run();
    }

    private ReceiptHandle ownHandle(String receiptHandle) {
        ReceiptHandle handle = ReceiptHandle.decode(receiptHandle);
        if (!handle.queueName().equals(queue.name())) {
            throw SqsErrors.receiptHandleIsInvalid(receiptHandle);
        }
        return handle;
    }

    // ---- purge, counts, move tasks, lifecycle

    synchronized void purge() {
        long now = now();
        if (lastPurgeAt != Long.MIN_VALUE && now - lastPurgeAt < PURGE_WINDOW_MILLIS) {
            throw SqsErrors.purgeQueueInProgress(queue.name());
        }
        lastPurgeAt = now;
        store.clear(message -> record(MessageEvent.PURGED, message, null));
        attempts.clear();
    }

    /** ApproximateNumberOfMessages, ...NotVisible and ...Delayed, in that order. */
    synchronized int[] counts() {
        refresh(now());
        return new int[] {store.visibleCount(), store.inFlightCount(), store.delayedCount()};
    }

    /**
     * The messages now in the queue, in the order they entered it, as the harness sees them: a pure read
     * that changes nothing (no refresh, so no expiry is recorded; a message whose delay or visibility timeout
     * has passed shows as visible, one past its retention period not at all).
     */
    synchronized List<dev.simstack.core.PeekedMessage> peek() {
        long now = now();
        return PeekedMessages.of(store.all(), now, now - queue.attributes().messageRetentionPeriod() * 1000L);
    }

    /** Removes up to {@code max} visible messages for a message move task. */
    synchronized List<SqsMessage> takeForMove(int max) {
        refresh(now());
        List<SqsMessage> taken = new ArrayList<>(store.pick(max, context.random()));
        taken.forEach(store::remove);
        return taken;
    }

    /** Takes in messages redriven by a message move task, as fresh sends. */
    void acceptRedriven(List<SqsMessage> messages) {
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            long now = now();
            refresh(now);
            for (SqsMessage message : messages) {
                SqsMessage copy = message.redriven(now, fifo ? nextSequence(now) : null);
                copy.visibleAt = now;
                store.add(copy, now);
                record(MessageEvent.SENT, copy, null);
            }
            serveWaiters(now, effects);
        }
        effects.run();
    }

    // ---- snapshots

    /** This queue's messages and FIFO state as one consistent document (under the queue's lock). */
    synchronized com.fasterxml.jackson.databind.node.ObjectNode snapshot() {
        refresh(now());
        return MessageSnapshots.write(store.all(), deduplication.originals(), lastSequence, lastPurgeAt);
    }

    /** Loads a {@link #snapshot()} into this new, empty queue. */
    synchronized void restore(com.fasterxml.jackson.databind.JsonNode snapshot) {
        long now = now();
        for (SqsMessage message : MessageSnapshots.messages(snapshot)) {
            long visibleAt = message.visibleAt;
            if (message.state == SqsMessage.State.IN_FLIGHT && visibleAt > now) {
                message.visibleAt = now;
                store.add(message, now);
                store.hide(message, visibleAt);
            } else {
                store.add(message, now);
            }
        }
        MessageSnapshots.originals(snapshot).forEach(original -> deduplication.remember(original.key(),
                original.messageId(), original.sequenceNumber(), original.sentAt()));
        lastSequence = snapshot.path("lastSequence").asLong();
        lastPurgeAt = snapshot.path("lastPurgeAt").asLong(Long.MIN_VALUE);
        refresh(now);
    }

    /** The queue is deleted (its messages are purged) or the stack stops; long polls are answered empty. */
    void close(boolean purge) {
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            closed = true;
            if (purge) {
                store.clear(message -> record(MessageEvent.PURGED, message, null));
            }
            longPoll.close(effects);
        }
        effects.run();
    }

    private void wake() {
        PendingEffects effects = new PendingEffects();
        synchronized (this) {
            longPoll.timerFired();
            if (closed) {
                return;
            }
            long now = now();
            refresh(now);
            longPoll.serve(now, request -> receiveNow(request, now, effects), effects);
            longPoll.arm(now, store.nextDeadline());
        }
        effects.run();
    }

    private void serveWaiters(long now, PendingEffects effects) {
        if (!longPoll.isEmpty()) {
            longPoll.serve(now, request -> receiveNow(request, now, effects), effects);
            longPoll.arm(now, store.nextDeadline());
        }
    }

    /** Expires messages past MessageRetentionPeriod, then makes due delayed and in-flight ones visible. */
    private void refresh(long now) {
        long cutoff = now - queue.attributes().messageRetentionPeriod() * 1000L;
        store.expire(cutoff, message -> record(MessageEvent.EXPIRED, message, null));
        store.advance(now);
    }

    private void record(MessageEvent event, SqsMessage message, String consumer) {
        // Only a send carries the body (the queue's own String), so bodies cost the ledger one reference each.
        context.ledger().message(event, queue.ref(), message.id(), message.receiveCount, consumer,
                message.payload.groupId(), event == MessageEvent.SENT ? message.payload.body() : null);
    }

    private long now() {
        return context.clock().millis();
    }
}
