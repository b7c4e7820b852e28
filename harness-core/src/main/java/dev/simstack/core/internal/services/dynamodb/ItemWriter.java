package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.table.Table;

/**
 * Where every item write lands, whoever made it (an item operation, a batch, a transaction, replication
 * or Time to Live): it stores the item, appends the stream record, records the write in the ledger,
 * replicates it to the global table's other regions and tracks its expiry. Callers hold the table's
 * write lock, so these happen in the table's write order.
 */
final class ItemWriter {

    private final StackContext context;
    private final Replication replication;
    private final TimeToLive timeToLive;

    ItemWriter(StackContext context, Tables tables) {
        this.context = context;
        this.replication = new Replication(context, tables, this);
        this.timeToLive = new TimeToLive(context.clock(), tables, this);
    }

    Replication replication() {
        return replication;
    }

    TimeToLive timeToLive() {
        return timeToLive;
    }

    /**
     * Applies a write: {@code after} replaces the item, or, when null, the item is deleted.
     *
     * @param replicate false for writes that arrive by replication, which must not travel back
     */
    void commit(Table table, String operation, AttributeMap key, AttributeMap before, AttributeMap after,
            boolean replicate) {
        commit(table, operation, key, before, after, replicate, false);
    }

    void commit(Table table, String operation, AttributeMap key, AttributeMap before, AttributeMap after,
            boolean replicate, boolean byTimeToLive) {
        if (after != null) {
            table.put(after);
        } else {
            table.delete(key);
        }
        StreamLog stream = table.stream();
        // DynamoDB Streams writes no record for a write that leaves the item as it was
        if (stream != null && (before != null || after != null) && !(before != null && before.equals(after))) {
            stream.append(key, before, after, context.clock().now(), byTimeToLive);
        }
        context.ledger().itemWrite(table.settings().ref(), table.keys().describe(key), operation,
                LedgerEntry.ConditionOutcome.APPLIED);
        if (replicate && !table.settings().replicas().isEmpty()) {
            replication.replicate(table, key, after);
        }
        if (after != null) {
            timeToLive.track(table, after);
        }
    }

    /** Records a write its condition refused. */
    void refused(Table table, String operation, AttributeMap key) {
        context.ledger().itemWrite(table.settings().ref(), table.keys().describe(key), operation,
                LedgerEntry.ConditionOutcome.CONDITION_FAILED);
    }
}
