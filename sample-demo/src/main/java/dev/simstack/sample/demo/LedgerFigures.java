package dev.simstack.sample.demo;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Figures read from a stack's ledger: peaks over time and end-to-end latencies, on the stack's clock. */
final class LedgerFigures {

    private LedgerFigures() {
    }

    /** The most messages the queue held at once (sent and not yet deleted, moved, expired or purged). */
    static int peakQueueDepth(List<LedgerEntry.Message> messages, ResourceRef queue) {
        // By id: a message delivered again after its delete (a duplicate delivery) is back in the queue.
        java.util.Set<String> held = new java.util.HashSet<>();
        int peak = 0;
        for (LedgerEntry.Message message : messages) {
            if (!message.queue().equals(queue)) {
                continue;
            }
            switch (message.kind()) {
                case SENT, DELIVERED -> held.add(message.messageId());
                case DELETED, MOVED_TO_DLQ, EXPIRED, PURGED -> held.remove(message.messageId());
                default -> { }
            }
            peak = Math.max(peak, held.size());
        }
        return peak;
    }

    /**
     * The most invocations of the function running at once: one ending at the instant another starts does not
     * overlap it, but an invocation that took no time on the clock (a handler that never waited on it) counts.
     */
    static int peakConcurrency(List<LedgerEntry.Invocation> invocations, ResourceRef function) {
        List<long[]> edges = new ArrayList<>();   // {instant, order at that instant, +1 or -1}
        for (LedgerEntry.Invocation invocation : invocations) {
            if (invocation.function().equals(function)
                    && invocation.outcome() != LedgerEntry.InvocationOutcome.THROTTLED) {
                long start = invocation.start().toEpochMilli();
                long end = invocation.end().toEpochMilli();
                edges.add(new long[] {start, 1, 1});
                edges.add(new long[] {end, end > start ? 0 : 2, -1});
            }
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int peak = 0;
        for (long[] edge : edges) {
            running += (int) edge[2];
            peak = Math.max(peak, running);
        }
        return peak;
    }

    /** For each message of the queue that was deleted: the time from its first send to its delete. */
    static List<Duration> sentToDeleted(List<LedgerEntry.Message> messages, ResourceRef queue) {
        Map<String, Instant> sent = new HashMap<>();
        List<Duration> latencies = new ArrayList<>();
        for (LedgerEntry.Message message : messages) {
            if (!message.queue().equals(queue)) {
                continue;
            }
            if (message.kind() == LedgerEntry.MessageEvent.SENT) {
                sent.putIfAbsent(message.messageId(), message.at());
            } else if (message.kind() == LedgerEntry.MessageEvent.DELETED && sent.containsKey(message.messageId())) {
                latencies.add(Duration.between(sent.get(message.messageId()), message.at()));
            }
        }
        latencies.sort(Comparator.naturalOrder());
        return latencies;
    }

    /** The nearest-rank percentile of sorted durations; zero for none. */
    static Duration percentile(List<Duration> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Messages of the queue delivered more than once. */
    static long redelivered(List<LedgerEntry.Message> messages, ResourceRef queue) {
        return messages.stream().filter(m -> m.queue().equals(queue) && m.kind() == LedgerEntry.MessageEvent.DELIVERED
                && m.receiveCount() > 1).map(LedgerEntry.Message::messageId).distinct().count();
    }
}
