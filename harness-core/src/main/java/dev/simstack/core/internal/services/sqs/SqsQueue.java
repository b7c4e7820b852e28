package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.StackContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One queue: where it is, its attributes and tags, and its {@link QueueMessages}. Attributes are an
 * immutable value swapped under this object's lock and read without it.
 */
final class SqsQueue {

    private final QueueAddress address;
    private final ResourceRef ref;
    private final String arn;
    private final boolean fifo;
    private volatile long createdAt;
    private final StackContext context;
    private final QueueMessages messages;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private volatile QueueAttributes attributes;
    private volatile long lastModifiedAt;

    SqsQueue(StackContext context, QueueAddress address, QueueAttributes attributes, QueueDirectory directory) {
        this.context = context;
        this.address = address;
        this.ref = address.ref();
        this.arn = ref.arn();
        this.fifo = attributes.fifo();
        this.attributes = attributes;
        this.createdAt = context.clock().millis();
        this.lastModifiedAt = createdAt;
        this.messages = new QueueMessages(context, this, directory);
    }

    QueueAddress address() {
        return address;
    }

    String name() {
        return address.name();
    }

    /** The queue's identity, as the ledger names it. */
    ResourceRef ref() {
        return ref;
    }

    String arn() {
        return arn;
    }

    boolean fifo() {
        return fifo;
    }

    QueueMessages messages() {
        return messages;
    }

    QueueAttributes attributes() {
        return attributes;
    }

    /** Epoch millis. */
    long createdAt() {
        return createdAt;
    }

    /** Epoch millis. */
    long lastModifiedAt() {
        return lastModifiedAt;
    }

    /** A reloaded queue keeps the times it had when its snapshot was taken. */
    synchronized void restoreTimes(long created, long lastModified) {
        this.createdAt = created;
        this.lastModifiedAt = lastModified;
    }

    synchronized void setAttributes(QueueAttributes next) {
        attributes = next;
        lastModifiedAt = context.clock().millis();
    }

    synchronized Map<String, String> tags() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    synchronized void tag(Map<String, String> added) {
        QueueTags.checkTotal(address.name(), tags, added);
        tags.putAll(added);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }

    @Override
    public String toString() {
        return "SqsQueue[" + arn + "]";
    }
}
