package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SqsHook;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One queue's {@link SqsHook} fault points, asked by {@link QueueMessages} under the queue's lock. Without hooks
 * (the common case) every method answers at once what the queue would do on its own. The duplicate and order
 * points are never asked for a FIFO queue, whose exactly-once processing and order AWS guarantees.
 */
final class QueueHooks {

    private final StackContext context;
    private final ResourceRef queue;
    private final boolean fifo;

    QueueHooks(StackContext context, ResourceRef queue, boolean fifo) {
        this.context = context;
        this.queue = queue;
        this.fifo = fifo;
    }

    void sent(SqsMessage message) {
        for (SqsHook hook : hooks()) {
            hook.sent(queue, new View(message));
        }
    }

    int receiveLimit(int max, int visible) {
        int limit = max;
        for (SqsHook hook : hooks()) {
            limit = Math.max(0, Math.min(limit, hook.receiveLimit(queue, limit, visible)));
        }
        return limit;
    }

    /** The picked messages in the order the hooks answer; as picked when none reorders. */
    List<SqsMessage> order(List<SqsMessage> picked) {
        List<SqsHook> hooks = hooks();
        if (fifo || hooks.isEmpty() || picked.size() < 2) {
            return picked;
        }
        List<View> views = new ArrayList<>(picked.size());
        for (SqsMessage message : picked) {
            views.add(new View(message));
        }
        views.sort(Comparator.comparingLong(view -> view.message.entered));
        for (SqsHook hook : hooks) {
            List<View> next = hook.order(queue, Collections.unmodifiableList(views));
            if (next.size() != picked.size() || !next.containsAll(views)) {
                throw new IllegalStateException("SqsHook " + hook + " answered order() with other messages than"
                        + " it was given: it may only reorder them");
            }
            views = new ArrayList<>(next);
        }
        List<SqsMessage> ordered = new ArrayList<>(views.size());
        views.forEach(view -> ordered.add(view.message));
        return ordered;
    }

    boolean deliverTwice(SqsMessage message) {
        if (fifo) {
            return false;
        }
        for (SqsHook hook : hooks()) {
            if (hook.deliverTwice(queue, new View(message))) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds until a just-received message is visible again, when a hook shortens its timeout; or -1. */
    long visibleAgainAfter(SqsMessage message, int timeoutSeconds) {
        long earliest = -1;
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        for (SqsHook hook : hooks()) {
            Duration after = hook.visibleAgainAfter(queue, new View(message), timeout);
            if (after != null && after.compareTo(timeout) < 0) {
                long millis = Math.max(0, after.toMillis());
                earliest = earliest < 0 ? millis : Math.min(earliest, millis);
            }
        }
        return earliest;
    }

    /** Milliseconds until a deleted message is handed out again, when a hook keeps it; or -1 to delete it. */
    long keepAfterDelete(SqsMessage message) {
        if (fifo) {
            return -1;
        }
        for (SqsHook hook : hooks()) {
            Duration after = hook.keepAfterDelete(queue, new View(message));
            if (after != null) {
                return Math.max(0, after.toMillis());
            }
        }
        return -1;
    }

    private List<SqsHook> hooks() {
        return context.hooks(SqsHook.class);
    }

    static Map<String, String> values(Map<String, MessageAttributeValue> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new TreeMap<>();
        attributes.forEach((name, value) -> values.put(name, value.binaryValue() != null
                ? Base64.getEncoder().encodeToString(value.binaryValue()) : value.stringValue()));
        return Collections.unmodifiableMap(values);
    }

    /** A queue's message as a hook sees it; its receive count is read live. */
    private static final class View implements SqsHook.Message {

        private final SqsMessage message;

        View(SqsMessage message) {
            this.message = message;
        }

        @Override
        public String messageId() {
            return message.id();
        }

        @Override
        public String body() {
            return message.payload.body();
        }

        @Override
        public Map<String, String> messageAttributes() {
            return values(message.payload.attributes().asMap());
        }

        @Override
        public int receiveCount() {
            return message.receiveCount;
        }

        @Override
        public String toString() {
            return message.toString();
        }
    }

    /** A message of an event source mapping's batch as a hook sees it. */
    record Received(ReceivedMessage message, int receiveCount) implements SqsHook.Message {

        @Override
        public String messageId() {
            return message.messageId();
        }

        @Override
        public String body() {
            return message.body();
        }

        @Override
        public Map<String, String> messageAttributes() {
            return values(message.messageAttributes());
        }
    }
}
