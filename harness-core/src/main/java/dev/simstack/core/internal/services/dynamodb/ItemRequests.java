package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.ConditionExpressionParser;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.List;
import java.util.Locale;

/**
 * Reads and validates the single-item write requests (PutItem, UpdateItem, DeleteItem and the actions
 * of TransactWriteItems) into {@link PreparedWrite}s, in AWS's order of checks: the table, the key or
 * item, then the expressions and their placeholders.
 */
final class ItemRequests {

    private static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE",
            "UPDATED_NEW");

    private final Tables tables;

    ItemRequests(Tables tables) {
        this.tables = tables;
    }

    PreparedWrite put(DecodedCall call, Input input, boolean inTransaction) {
        Requests.refuseLegacy(input, "Expected", "ConditionalOperator");
        Table table = table(call, input);
        if (!input.has("Item")) {
            throw DynamoDbErrors.constraint("null", "item", "Member must not be null");
        }
        AttributeMap item = AttributeValueCodec.readItem(input.object("Item").node());
        PreparedWrite.checkItem(table, item);
        String returnValues = returnValues(input, inTransaction, true);
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        Condition condition = condition(input, attributes);
        attributes.checkAllUsed();
        return new PreparedWrite("Put", table, table.keys().key(item), item, null, condition, returnValues,
                returnOldOnFailure(input));
    }

    PreparedWrite delete(DecodedCall call, Input input, boolean inTransaction) {
        Requests.refuseLegacy(input, "Expected", "ConditionalOperator");
        Table table = table(call, input);
        AttributeMap key = key(table, input);
        String returnValues = returnValues(input, inTransaction, true);
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        Condition condition = condition(input, attributes);
        attributes.checkAllUsed();
        return new PreparedWrite("Delete", table, key, null, null, condition, returnValues, returnOldOnFailure(input));
    }

    PreparedWrite update(DecodedCall call, Input input, boolean inTransaction) {
        Requests.refuseLegacy(input, "Expected", "ConditionalOperator", "AttributeUpdates");
        Table table = table(call, input);
        AttributeMap key = key(table, input);
        String returnValues = returnValues(input, inTransaction, false);
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        UpdateExpression update = null;
        String text = input.string("UpdateExpression");
        if (text != null) {
            update = UpdateExpression.parse(text, attributes);
        }
        Condition condition = condition(input, attributes);
        attributes.checkAllUsed();
        PreparedWrite.checkUpdate(table, update);
        return new PreparedWrite("Update", table, key, null, update, condition, returnValues,
                returnOldOnFailure(input));
    }

    /** A ConditionCheck of TransactWriteItems: a key and a condition, which is required. */
    PreparedWrite conditionCheck(DecodedCall call, Input input) {
        Table table = table(call, input);
        AttributeMap key = key(table, input);
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        if (!input.has("ConditionExpression")) {
            throw DynamoDbErrors.constraint("null", "conditionExpression", "Member must not be null");
        }
        Condition condition = condition(input, attributes);
        attributes.checkAllUsed();
        return new PreparedWrite("ConditionCheck", table, key, null, null, condition, "NONE",
                returnOldOnFailure(input));
    }

    /**
     * The model's constraints of PutItem, UpdateItem, DeleteItem and GetItem, all reported at once as AWS does;
     * {@code required} is the item or key member the operation needs.
     */
    static void checkModel(DecodedCall call, Input input, String required) {
        ModelConstraints.checkAll(
                () -> Requests.consumedCapacity(input),
                () -> Requests.table(call, input),
                () -> Requests.choice(input, "ReturnValues", "returnValues", "NONE", RETURN_VALUES),
                () -> Requests.choice(input, "ReturnItemCollectionMetrics", "returnItemCollectionMetrics", "NONE",
                        List.of("SIZE", "NONE")),
                () -> {
                    if (!input.has(required)) {
                        throw DynamoDbErrors.constraint("null", required.toLowerCase(Locale.ROOT),
                                "Member must not be null");
                    }
                });
    }

    Table table(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        return tables.forItems(ref.region(), ref.name());
    }

    static AttributeMap key(Table table, Input input) {
        if (!input.has("Key")) {
            throw DynamoDbErrors.constraint("null", "key", "Member must not be null");
        }
        return table.keys().checkKey(AttributeValueCodec.readItem(input.object("Key").node()));
    }

    private static Condition condition(Input input, ExpressionAttributes attributes) {
        String text = input.string("ConditionExpression");
        return text == null ? null : ConditionExpressionParser.parse("ConditionExpression", text, attributes);
    }

    private static String returnValues(Input input, boolean inTransaction, boolean oldOnly) {
        if (inTransaction) {
            return "NONE";
        }
        String value = Requests.choice(input, "ReturnValues", "returnValues", "NONE", RETURN_VALUES);
        if (oldOnly && !value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("Return values set to invalid value");
        }
        return value;
    }

    private static boolean returnOldOnFailure(Input input) {
        return Requests.choice(input, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", List.of("ALL_OLD", "NONE")).equals("ALL_OLD");
    }
}
