package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.internal.engine.StackContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQS state of one region: its queues by name (looked up without locking on the request path), the
 * names deleted in the last 60 seconds, and its message move tasks. Creating and deleting queues is
 * serialised per region so that two CreateQueue calls for one name agree.
 */
final class SqsRegion implements QueueDirectory {

    /** "When you delete a queue, you must wait at least 60 seconds before creating a queue with the same name." */
    private static final long RECREATE_WAIT_MILLIS = 60_000L;

    private final StackContext context;
    private final String region;
    private final ConcurrentHashMap<String, SqsQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, Long> deletedAt = new HashMap<>();
    private final MessageMoveTasks moveTasks;

    SqsRegion(StackContext context, String region) {
        this.context = context;
        this.region = region;
        this.moveTasks = new MessageMoveTasks(context);
    }

    String name() {
        return region;
    }

    MessageMoveTasks moveTasks() {
        return moveTasks;
    }

    /** CreateQueue: the new queue, or the existing one when every requested attribute matches it. */
    SqsQueue create(String name, Map<String, String> requested, Map<String, String> tags) {
        boolean fifo = "true".equalsIgnoreCase(requested.get(QueueAttribute.FIFO_QUEUE.awsName()));
        QueueName.validate(name, fifo);
        QueueTags.checkEach(tags);
        QueueAttributes attributes = QueueAttributes.defaults(fifo).with(withoutFifoFalse(requested, fifo), true);
        synchronized (this) {
            SqsQueue existing = queues.get(name);
            if (existing != null) {
                checkSame(existing, attributes, requested);
                return existing;
            }
            Long deleted = deletedAt.remove(name);
            if (deleted != null && context.clock().millis() - deleted < RECREATE_WAIT_MILLIS) {
                deletedAt.put(name, deleted);
                throw SqsErrors.queueDeletedRecently();
            }
            QueueAddress address = new QueueAddress(region, context.accountId(), name);
            checkRedrive(address.arn(), attributes);
            SqsQueue queue = new SqsQueue(context, address, attributes, this);
            queue.tag(tags);
            queues.put(name, queue);
            return queue;
        }
    }

    /** "FifoQueue=false" is a valid way to ask for a standard queue, which has no FifoQueue attribute. */
    private static Map<String, String> withoutFifoFalse(Map<String, String> requested, boolean fifo) {
        String value = requested.get(QueueAttribute.FIFO_QUEUE.awsName());
        if (fifo || value == null) {
            return requested;
        }
        if (!"false".equalsIgnoreCase(value.trim())) {
            throw SqsErrors.invalidAttributeValue(QueueAttribute.FIFO_QUEUE.awsName());
        }
        Map<String, String> standard = new HashMap<>(requested);
        standard.remove(QueueAttribute.FIFO_QUEUE.awsName());
        return standard;
    }

    private static void checkSame(SqsQueue existing, QueueAttributes wanted, Map<String, String> requested) {
        for (String name : requested.keySet()) {
            QueueAttribute attribute = QueueAttribute.named(name);
            if (!wanted.comparable(attribute).equals(existing.attributes().comparable(attribute))) {
                throw SqsErrors.queueNameExists(name);
            }
        }
    }

    /** SetQueueAttributes. */
    void setAttributes(SqsQueue queue, Map<String, String> changes) {
        synchronized (queue) {
            QueueAttributes next = queue.attributes().with(changes, false);
            if (changes.containsKey(RedrivePolicy.ATTRIBUTE)) {
                checkRedrive(queue.arn(), next);
            }
            queue.setAttributes(next);
        }
    }

    /** A RedrivePolicy must name an existing queue of the same type whose RedriveAllowPolicy admits the source. */
    private void checkRedrive(String sourceArn, QueueAttributes attributes) {
        RedrivePolicy policy = attributes.redrivePolicy();
        if (policy == null) {
            return;
        }
        SqsQueue target = byArn(policy.deadLetterTargetArn());
        if (target == null) {
            throw RedrivePolicy.invalid(policy.toJson(), "Dead letter target does not exist");
        }
        if (target.fifo() != attributes.fifo()) {
            throw RedrivePolicy.invalid(policy.toJson(),
                    "Dead-letter queue must be same type of queue as the source (FIFO or standard)");
        }
        if (!target.attributes().redriveAllowPolicy().allows(sourceArn)) {
            throw RedrivePolicy.invalid(policy.toJson(), "The dead-letter queue's RedriveAllowPolicy does not "
                    + "allow this queue to use it as dead-letter queue");
        }
    }

    /** The queue named {@code name}, or QueueDoesNotExist. */
    SqsQueue queue(String name) {
        SqsQueue queue = queues.get(name);
        if (queue == null) {
            throw SqsErrors.queueDoesNotExist();
        }
        return queue;
    }

    /** The names of the region's queues, sorted. */
    java.util.List<String> names() {
        return queues.keySet().stream().sorted().toList();
    }

    /** The queue named {@code name}, or null. */
    SqsQueue find(String name) {
        return queues.get(name);
    }

    @Override
    public SqsQueue byArn(String arn) {
        QueueAddress address = QueueAddress.fromArn(arn);
        if (address == null || !address.region().equals(region) || !address.accountId().equals(context.accountId())) {
            return null;
        }
        return queues.get(address.name());
    }

    void delete(SqsQueue queue) {
        synchronized (this) {
            if (!queues.remove(queue.name(), queue)) {
                return;
            }
            deletedAt.put(queue.name(), context.clock().millis());
        }
        queue.messages().close(true);
    }

    /** The queues whose name starts with {@code prefix} (all if null), by name. */
    List<SqsQueue> list(String prefix) {
        List<SqsQueue> matching = new ArrayList<>();
        for (SqsQueue queue : queues.values()) {
            if (prefix == null || queue.name().startsWith(prefix)) {
                matching.add(queue);
            }
        }
        matching.sort(Comparator.comparing(SqsQueue::name));
        return matching;
    }

    /** The queues whose RedrivePolicy targets {@code deadLetterQueue}, by name. */
    List<SqsQueue> deadLetterSources(SqsQueue deadLetterQueue) {
        List<SqsQueue> sources = new ArrayList<>();
        for (SqsQueue queue : list(null)) {
            RedrivePolicy policy = queue.attributes().redrivePolicy();
            if (policy != null && policy.deadLetterTargetArn().equals(deadLetterQueue.arn())) {
                sources.add(queue);
            }
        }
        return sources;
    }

    void close() {
        moveTasks.close();
        queues.values().forEach(queue -> queue.messages().close(false));
    }
}
