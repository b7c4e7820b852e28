package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.DynamoDbHook;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Replicated writes that the stack's {@link DynamoDbHook}s hold (replication lag, a paused link, a region outage),
 * queued per link (table, source region, target region) so that a link catches up in the order its writes were
 * made. With no hook and nothing held, a write is applied at once without touching a queue.
 */
final class ReplicationLinks {

    private final StackContext context;
    private final Consumer<Replication.Delivery> apply;
    private final Map<String, Link> links = new ConcurrentHashMap<>();

    ReplicationLinks(StackContext context, Consumer<Replication.Delivery> apply) {
        this.context = context;
        this.apply = apply;
    }

    /** Applies {@code delivery} now, or queues it behind the link's held writes. */
    void arrive(Replication.Delivery delivery) {
        String key = delivery.table() + '\n' + delivery.source() + '\n' + delivery.region();
        Link link = links.get(key);
        if (link == null && context.hooks(DynamoDbHook.class).isEmpty()) {
            apply.accept(delivery);
            return;
        }
        if (link == null) {
            link = links.computeIfAbsent(key, k -> new Link());
        }
        synchronized (link) {
            link.queue.addLast(delivery);
        }
        drain(link);
    }

    /** Applies the link's writes in order until one is held; one thread drains a link at a time. */
    private void drain(Link link) {
        synchronized (link) {
            if (link.draining) {
                return;
            }
            link.draining = true;
        }
        try {
            Replication.Delivery next;
            while ((next = nextDue(link)) != null) {
                apply.accept(next);
            }
        } finally {
            synchronized (link) {
                link.draining = false;
            }
        }
    }

    /** The link's first write if it may be applied now (taken off the queue), else null, with a wake-up set. */
    private Replication.Delivery nextDue(Link link) {
        synchronized (link) {
            Replication.Delivery head = link.queue.peekFirst();
            if (head == null) {
                return null;
            }
            Instant until = heldUntil(head);
            Instant now = context.clock().now();
            if (until == null || !until.isAfter(now)) {
                return link.queue.pollFirst();
            }
            if (!until.equals(Instant.MAX) && !until.equals(link.wake)) {
                link.wake = until;
                context.clock().schedule(until, () -> drain(link));
            }
            return null;
        }
    }

    /** The latest instant any hook holds the write until, or null when none holds it. */
    private Instant heldUntil(Replication.Delivery delivery) {
        Instant latest = null;
        List<DynamoDbHook> hooks = context.hooks(DynamoDbHook.class);
        for (DynamoDbHook hook : hooks) {
            Instant until = hook.replicationHeldUntil(delivery.table(), delivery.source(), delivery.region(),
                    Instant.ofEpochMilli(delivery.writtenMillis()));
            if (until != null && (latest == null || until.isAfter(latest))) {
                latest = until;
            }
        }
        return latest;
    }

    /** Forgets every held write (a reset). */
    void clear() {
        links.clear();
    }

    /** One link's held writes, in the order they were made. */
    private static final class Link {
        private final ArrayDeque<Replication.Delivery> queue = new ArrayDeque<>();
        private boolean draining;
        private Instant wake;
    }
}
