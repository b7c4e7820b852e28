package dev.simstack.assertions.internal;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.Invocation;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.LedgerEntry.MessageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The writes (or HTTP calls) of one business key and what caused them, in ledger order. The ledger does not link a write to
 * the message or invocation behind it, so this shows what was around each write: the invocations running
 * when it was applied (with the deliveries of the messages they carried), or, outside any invocation (a
 * consumer of the test's own), the deliveries since the key's previous write (at most the last
 * {@value #DELIVERIES_PER_WRITE}).
 */
public final class EffectTimeline {

    private static final int DELIVERIES_PER_WRITE = 5;

    private final List<Invocation> invocations;
    private final List<Message> deliveries;

    /** A timeline builder over the ledger's {@code entries}. */
    public EffectTimeline(List<LedgerEntry> entries) {
        this.invocations = entries.stream().filter(Invocation.class::isInstance).map(Invocation.class::cast)
                .toList();
        this.deliveries = entries.stream().filter(Message.class::isInstance).map(Message.class::cast)
                .filter(step -> step.kind() == MessageEvent.DELIVERED).toList();
    }

    /** The lines of the timeline of {@code writes} (item or object writes, or HTTP calls), in sequence order. */
    public List<String> of(List<? extends LedgerEntry> writes) {
        TreeMap<Long, String> lines = new TreeMap<>();
        long previous = -1;
        for (LedgerEntry write : writes) {
            lines.put(write.sequence(), line(write));
            List<Invocation> running = running(write);
            List<String> carried = new ArrayList<>();
            running.forEach(invocation -> {
                lines.put(invocation.sequence(), LedgerLines.invocation(invocation));
                carried.addAll(invocation.carried());
            });
            List<Message> around = running.isEmpty() ? deliveriesBetween(previous, write)
                    : deliveries.stream().filter(step -> step.sequence() < write.sequence()
                            && carried.contains(step.messageId())).toList();
            around.forEach(step -> lines.put(step.sequence(), LedgerLines.delivery(step)));
            previous = write.sequence();
        }
        return List.copyOf(lines.values());
    }

    /** A counted write (or HTTP call) as a timeline line. */
    static String line(LedgerEntry write) {
        if (write instanceof LedgerEntry.HttpCall call) {
            return LedgerLines.httpCall(call);
        }
        return write instanceof LedgerEntry.ItemWrite item ? LedgerLines.itemWrite(item)
                : LedgerLines.objectWrite((LedgerEntry.ObjectWrite) write);
    }

    /** The invocations running at {@code write} (of every function; some may have carried no messages). */
    List<Invocation> running(LedgerEntry write) {
        // An invocation's entry is appended when it ends: one running at the write comes later in sequence.
        // On a manual clock many share one instant, so one that carried messages must also have had one of
        // them delivered before the write (it cannot have started before its batch was received).
        return invocations.stream()
                .filter(invocation -> invocation.sequence() > write.sequence()
                        && !invocation.start().isAfter(write.at()) && !invocation.end().isBefore(write.at())
                        && (invocation.carried().isEmpty() || deliveredBefore(invocation.carried(), write)))
                .toList();
    }

    private boolean deliveredBefore(List<String> messageIds, LedgerEntry write) {
        return deliveries.stream().anyMatch(step -> step.sequence() < write.sequence()
                && messageIds.contains(step.messageId()));
    }

    private List<Message> deliveriesBetween(long previous, LedgerEntry write) {
        List<Message> between = deliveries.stream()
                .filter(step -> step.sequence() > previous && step.sequence() < write.sequence()).toList();
        return between.subList(Math.max(0, between.size() - DELIVERIES_PER_WRITE), between.size());
    }
}
