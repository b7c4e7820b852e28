package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem. Each write reads the item, tests its condition and
 * writes under the table's write lock, so conditional writes on one item are linearizable.
 */
final class ItemOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ItemRequests requests;
    private final DynamoDbPort port;
    private final DynamoDbFaultPoints faults;

    ItemOperations(ItemRequests requests, DynamoDbPort port, DynamoDbFaultPoints faults) {
        this.requests = requests;
        this.port = port;
        this.faults = faults;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("PutItem", (call, input) -> {
            ItemRequests.checkModel(call, input, "Item");
            return write(call, requests.put(call, input, false), input);
        });
        operations.put("UpdateItem", (call, input) -> {
            ItemRequests.checkModel(call, input, "Key");
            return write(call, requests.update(call, input, false), input);
        });
        operations.put("DeleteItem", (call, input) -> {
            ItemRequests.checkModel(call, input, "Key");
            return write(call, requests.delete(call, input, false), input);
        });
        operations.put("GetItem", this::getItem);
    }

    private JsonNode write(DecodedCall call, PreparedWrite write, Input input) {
        String capacityMode = Requests.consumedCapacity(input);
        Table table = write.table();
        ItemChange change = execute(call, write);
        AttributeMap before = change.before();
        AttributeMap after = change.after();
        ObjectNode output = NODES.objectNode();
        AttributeMap returned = ReturnValues.select(write.returnValues(), before, after, write.updatedPaths());
        if (returned != null && !returned.isEmpty()) {
            output.set("Attributes", AttributeValueCodec.writeItem(returned));
        }
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        if (units.wanted()) {
            chargeWrite(units, table, before, after, 1);
            output.set("ConsumedCapacity", units.describe(table.name()));
        }
        return output;
    }

    /**
     * Runs one client's write as the item operations do: the fault points first (a throttle, a conflicting
     * transaction), then the write. PartiQL's INSERT, UPDATE and DELETE come through here too.
     */
    ItemChange execute(DecodedCall call, PreparedWrite write) {
        Table table = write.table();
        faults.checkThrottle(call, table, write.key(), true);
        if (faults.conflict(call, table, write.key()) != null) {
            throw DynamoDbErrors.transactionConflict();
        }
        return port.write(write);
    }

    /** The error of a failed condition, with the old item when the request asked for it. */
    static RuntimeException conditionFailed(PreparedWrite write, AttributeMap before) {
        ObjectNode members = NODES.objectNode();
        if (write.returnOldOnFailure() && before != null) {
            members.set("Item", AttributeValueCodec.writeItem(before));
        }
        return DynamoDbErrors.conditionalCheckFailed(members);
    }

    /** Adds the write units of one item write to {@code units}; {@code factor} 2 for transactions. */
    static void chargeWrite(CapacityUnits units, Table table, AttributeMap before, AttributeMap after, int factor) {
        long size = Math.max(before == null ? 0 : ItemSize.of(before), after == null ? 0 : ItemSize.of(after));
        units.table(table.name(), factor * CapacityUnits.writeUnits(size));
        for (SecondaryIndex index : table.indexes()) {
            double indexUnits = CapacityUnits.indexWriteUnits(index, before, after);
            if (indexUnits > 0) {
                units.index(table.name(), index.name(), index.definition().global(), factor * indexUnits);
            }
        }
    }

    private JsonNode getItem(DecodedCall call, Input input) {
        ItemRequests.checkModel(call, input, "Key");
        Requests.refuseLegacy(input, "AttributesToGet");
        Table table = requests.table(call, input);
        AttributeMap key = ItemRequests.key(table, input);
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        String text = input.string("ProjectionExpression");
        ProjectionExpression projection = text == null ? null : ProjectionExpression.parse(text, attributes);
        attributes.checkAllUsed();
        boolean consistent = Boolean.TRUE.equals(input.bool("ConsistentRead"));
        String capacityMode = Requests.consumedCapacity(input);
        faults.checkThrottle(call, table, key, false);
        AttributeMap item = port.get(table, key);
        ObjectNode output = NODES.objectNode();
        if (item != null) {
            output.set("Item", AttributeValueCodec.writeItem(projection == null ? item : projection.apply(item)));
        }
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        if (units.wanted()) {
            units.table(table.name(), CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), consistent));
            output.set("ConsumedCapacity", units.describe(table.name()));
        }
        return output;
    }
}
