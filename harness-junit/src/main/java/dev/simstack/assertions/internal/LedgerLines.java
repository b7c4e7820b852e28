package dev.simstack.assertions.internal;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.ResourceRef;
import java.util.Locale;

/**
 * Ledger entries as the lines of a failure message: sequence number, time on the stack's clock, what
 * happened. The sequence number is what to look for in the ledger (or the report).
 */
public final class LedgerLines {

    private LedgerLines() {
    }

    /** A step of a message that was sent to {@code queue}; steps elsewhere (its DLQ) name their queue. */
    public static String step(Message step, ResourceRef queue) {
        String where = step.queue().equals(queue) ? "" : " in " + step.queue();
        return prefix(step) + what(step) + where;
    }

    /** A step of a message, naming its queue. */
    public static String delivery(Message step) {
        return prefix(step) + "message " + step.messageId() + " " + what(step) + " from " + step.queue();
    }

    /** An item write. */
    public static String itemWrite(LedgerEntry.ItemWrite write) {
        return prefix(write) + write.operation() + " " + write.table() + " " + write.key() + ": "
                + write.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** An object write. */
    public static String objectWrite(LedgerEntry.ObjectWrite write) {
        return prefix(write) + write.operation() + " " + write.bucket() + " " + write.key() + ": "
                + write.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A call to an HTTP dependency. */
    public static String httpCall(LedgerEntry.HttpCall call) {
        return prefix(call) + call.method() + " " + call.path() + " to HTTP dependency " + call.dependency()
                + (call.businessKey() == null ? "" : " key " + call.businessKey()) + ": "
                + (call.status() == 0 ? "no answer" : String.valueOf(call.status()))
                + (call.fault() == null ? "" : " (fault: " + call.fault() + ")");
    }

    /** An invocation (its entry is appended when it ends). */
    public static String invocation(LedgerEntry.Invocation invocation) {
        return prefix(invocation) + "invocation " + invocation.requestId() + " of " + invocation.function()
                + " (trigger " + invocation.trigger() + ", carried " + invocation.carried() + ") started at "
                + invocation.start() + ", ended " + invocation.outcome();
    }

    private static String what(Message step) {
        return switch (step.kind()) {
            case SENT -> "sent";
            case DELIVERED -> "delivered (receive count " + step.receiveCount() + ")";
            case DELETED -> "deleted";
            case MOVED_TO_DLQ -> "moved to the dead-letter queue";
            case EXPIRED -> "expired";
            case PURGED -> "purged";
            case DEDUPLICATED -> "sent again and deduplicated";
        };
    }

    private static String prefix(LedgerEntry entry) {
        return "#" + entry.sequence() + " " + entry.at() + " ";
    }
}
