package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.List;

/**
 * A validated single-item write (Put, Update, Delete or a transaction's ConditionCheck), ready to run
 * against the item as it is when the table is locked.
 *
 * @param kind Put, Update, Delete or ConditionCheck
 * @param item the item a Put writes (null otherwise)
 * @param update the update expression of an Update (null otherwise)
 * @param condition the condition, or null
 * @param returnValues the ReturnValues choice
 * @param returnOldOnFailure true if the old item goes into a failed condition's error
 */
public record PreparedWrite(String kind, Table table, AttributeMap key, AttributeMap item, UpdateExpression update,
        Condition condition, String returnValues, boolean returnOldOnFailure) {

    /** PutItem's checks of the item: its key against the schema, its size, its index key attributes. */
    static void checkItem(Table table, AttributeMap item) {
        table.keys().checkItem(item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
        table.checkIndexKeys(item);
    }

    /** UpdateItem's check that the update expression leaves the key alone. */
    static void checkUpdate(Table table, UpdateExpression update) {
        for (String attribute : update == null ? java.util.Set.<String>of() : update.attributes()) {
            if (table.keys().isKeyAttribute(attribute)) {
                throw DynamoDbErrors.invalidParameters("Cannot update attribute " + attribute
                        + ". This attribute is part of the key");
            }
        }
    }

    /** The ledger's operation name of a single-item write of this kind. */
    String operation() {
        if (!writes()) {
            throw new IllegalArgumentException("a ConditionCheck is part of a transaction, not a write of its own");
        }
        return kind + "Item";
    }

    boolean conditionHolds(AttributeMap before) {
        return condition == null || condition.test(before == null ? AttributeMap.EMPTY : before);
    }

    /** The item after the write (null for a delete; {@code before} for a condition check). */
    AttributeMap apply(AttributeMap before) {
        switch (kind) {
            case "Put":
                return item;
            case "Delete":
                return null;
            case "ConditionCheck":
                return before;
            default:
                AttributeMap base = before != null ? before : key;
                // without an UpdateExpression, UpdateItem only makes sure the item exists
                AttributeMap after = update == null ? base : update.apply(base);
                if (ItemSize.of(after) > ItemSize.MAX_ITEM_BYTES) {
                    throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
                }
                table.checkIndexKeys(after);
                return after;
        }
    }

    /** True if the write changes the table (a ConditionCheck does not). */
    boolean writes() {
        return !kind.equals("ConditionCheck");
    }

    /** The paths an UPDATED_OLD or UPDATED_NEW return projects. */
    List<DocumentPath> updatedPaths() {
        return update == null ? List.of() : update.paths();
    }
}
