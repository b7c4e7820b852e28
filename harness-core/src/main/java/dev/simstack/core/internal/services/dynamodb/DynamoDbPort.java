package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.List;

/**
 * The typed door into DynamoDB's items inside the engine, on tables named by their {@link ResourceRef}:
 * writes are {@link PreparedWrite}s (PutItem, UpdateItem, DeleteItem and a transaction's ConditionCheck,
 * made by the factories here with the checks the API applies), run one at a time ({@link #write}) or all or
 * nothing ({@link #transactWrite}); {@link #get} reads one item. The item operations and
 * TransactWriteItems decode a client's request into the same writes and run them through the same code, so
 * conditions, streams, replication, Time to Live and the ledger behave the same whoever writes. Items are
 * the service's own {@link AttributeMap}s, not JSON documents.
 */
public final class DynamoDbPort {

    private final Tables tables;
    private final ItemWriter writer;
    private final TransactWriteOperation transactions;

    DynamoDbPort(Tables tables, ItemWriter writer, TransactWriteOperation transactions) {
        this.tables = tables;
        this.writer = writer;
        this.transactions = transactions;
    }

    /**
     * PutItem of {@code item}, if {@code condition} (or null for none) holds.
     *
     * @throws dev.simstack.core.AwsException ResourceNotFoundException, or ValidationException for an item
     *     that does not fit the table's key schema, its indexes or the size limit
     */
    public PreparedWrite putItem(ResourceRef table, AttributeMap item, Condition condition) {
        Table target = table(table);
        PreparedWrite.checkItem(target, item);
        return new PreparedWrite("Put", target, target.keys().key(item), item, null, condition, "NONE", false);
    }

    /** UpdateItem of the item at {@code key}: {@code update} (null only makes sure it exists). */
    public PreparedWrite updateItem(ResourceRef table, AttributeMap key, UpdateExpression update,
            Condition condition) {
        Table target = table(table);
        PreparedWrite.checkUpdate(target, update);
        return new PreparedWrite("Update", target, target.keys().checkKey(key), null, update, condition, "NONE",
                false);
    }

    /** DeleteItem of the item at {@code key}. */
    public PreparedWrite deleteItem(ResourceRef table, AttributeMap key, Condition condition) {
        Table target = table(table);
        return new PreparedWrite("Delete", target, target.keys().checkKey(key), null, null, condition, "NONE",
                false);
    }

    /** A transaction's ConditionCheck of the item at {@code key}. */
    public PreparedWrite conditionCheck(ResourceRef table, AttributeMap key, Condition condition) {
        Table target = table(table);
        return new PreparedWrite("ConditionCheck", target, target.keys().checkKey(key), null, null, condition,
                "NONE", false);
    }

    /**
     * Runs one write: reads the item, tests the condition and writes, under the table's write lock.
     *
     * @throws dev.simstack.core.AwsException ConditionalCheckFailedException when the condition does not hold
     */
    public ItemChange write(PreparedWrite write) {
        String operation = write.operation();
        Table table = write.table();
        table.lock().writeLock().lock();
        try {
            AttributeMap before = table.get(write.key());
            if (!write.conditionHolds(before)) {
                writer.refused(table, operation, write.key());
                throw ItemOperations.conditionFailed(write, before);
            }
            AttributeMap after = write.apply(before);
            writer.commit(table, operation, write.key(), before, after, true);
            return new ItemChange(before, after);
        } finally {
            table.lock().writeLock().unlock();
        }
    }

    /**
     * TransactWriteItems of {@code writes}: every condition tested before anything is written.
     *
     * @throws dev.simstack.core.AwsException TransactionCanceledException with one reason per write
     */
    public void transactWrite(List<PreparedWrite> writes) {
        transactions.write(writes);
    }

    /** The item at {@code key} (a consistent read), or null. */
    public AttributeMap get(ResourceRef table, AttributeMap key) {
        Table target = table(table);
        return get(target, target.keys().checkKey(key));
    }

    AttributeMap get(Table table, AttributeMap key) {
        table.lock().readLock().lock();
        try {
            return table.get(key);
        } finally {
            table.lock().readLock().unlock();
        }
    }

    /** The table {@code ref} names, ACTIVE, or ResourceNotFoundException. */
    private Table table(ResourceRef ref) {
        if (ref.service() != AwsService.DYNAMODB) {
            throw new IllegalArgumentException(ref + " is not a DynamoDB table");
        }
        return tables.forItems(ref.region(), ref.name());
    }
}
