package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlErrors;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlKeys;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlStatement;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.Table;

/**
 * PartiQL's INSERT, UPDATE and DELETE as the {@link PreparedWrite}s of PutItem, UpdateItem and DeleteItem, so
 * they run through the same code (conditions, streams, replication, Time to Live, the ledger, faults):
 * INSERT is a Put on condition that the item does not exist; UPDATE an Update on condition that it exists
 * and the rest of the WHERE clause holds; DELETE a Delete on condition that, if the item exists, the rest
 * holds (a DELETE of no item succeeds, as AWS documents).
 */
final class PartiqlWrites {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Tables tables;
    private final ItemOperations items;

    PartiqlWrites(Tables tables, ItemOperations items) {
        this.tables = tables;
        this.items = items;
    }

    /** The write of {@code statement} (not a SELECT) on a table of {@code region}. */
    PreparedWrite prepare(String region, PartiqlStatement statement, boolean returnOldOnFailure) {
        Table table = tables.forItems(region, statement.table());
        KeySchema keys = table.keys();
        if (statement instanceof PartiqlStatement.Insert insert) {
            checkKeyPresent(insert.item(), keys);
            PreparedWrite.checkItem(table, insert.item());
            return new PreparedWrite("Put", table, keys.key(insert.item()), insert.item(), null,
                    exists(keys, false), "NONE", returnOldOnFailure);
        }
        if (statement instanceof PartiqlStatement.Update update) {
            PartiqlKeys.KeyedWhere keyed = keyed(update.where(), keys);
            PreparedWrite.checkUpdate(table, update.update());
            Condition condition = keyed.rest() == null ? exists(keys, true)
                    : new Condition.And(exists(keys, true), keyed.rest());
            return new PreparedWrite("Update", table, keys.checkKey(keyed.key()), null, update.update(), condition,
                    update.returnValues(), returnOldOnFailure);
        }
        PartiqlStatement.Delete delete = (PartiqlStatement.Delete) statement;
        PartiqlKeys.KeyedWhere keyed = keyed(delete.where(), keys);
        Condition condition = keyed.rest() == null ? null : new Condition.Or(exists(keys, false), keyed.rest());
        return new PreparedWrite("Delete", table, keys.checkKey(keyed.key()), null, null, condition,
                delete.returnValues(), returnOldOnFailure);
    }

    /** Runs one write of ExecuteStatement or BatchExecuteStatement; answers the item RETURNING asked for. */
    AttributeMap run(DecodedCall call, PreparedWrite write, boolean insert, CapacityUnits units) {
        ItemChange change;
        try {
            change = items.execute(call, write);
        } catch (AwsException e) {
            if (insert && e.code().equals("ConditionalCheckFailedException")) {
                throw PartiqlErrors.duplicateItem();
            }
            throw e;
        }
        ItemOperations.chargeWrite(units, write.table(), change.before(), change.after(), 1);
        AttributeMap returned = ReturnValues.select(write.returnValues(), change.before(), change.after(),
                write.updatedPaths());
        return returned == null || returned.isEmpty() ? null : returned;
    }

    /** ExecuteStatement's answer to a write: {@code Items} holds the returned item, if any. */
    static ObjectNode output(AttributeMap returned) {
        ObjectNode output = NODES.objectNode();
        ArrayNode list = output.putArray("Items");
        if (returned != null) {
            list.add(AttributeValueCodec.writeItem(returned));
        }
        return output;
    }

    private static PartiqlKeys.KeyedWhere keyed(Condition where, KeySchema keys) {
        if (where == null) {
            throw DynamoDbErrors.validation(PartiqlErrors.KEY_EQUALITY);
        }
        return PartiqlKeys.fullKey(where, keys);
    }

    private static void checkKeyPresent(AttributeMap item, KeySchema keys) {
        for (String name : keys.hasRange() ? new String[] {keys.hashName(), keys.rangeName()}
                : new String[] {keys.hashName()}) {
            if (!item.has(name)) {
                throw DynamoDbErrors.validation("Key attribute should be present in the item: Key " + name);
            }
        }
    }

    private static Condition exists(KeySchema keys, boolean exists) {
        return new Condition.Exists(DocumentPath.of(keys.hashName()), exists);
    }
}
