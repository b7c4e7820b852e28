package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over any tables, validated together and then written one by
 * one (not atomically), as in AWS. The engine never throttles, so UnprocessedItems is always empty.
 */
final class BatchWriteOperation implements DynamoDbOperation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_WRITES = 25;

    private final Tables tables;
    private final ItemWriter writer;

    BatchWriteOperation(Tables tables, ItemWriter writer) {
        this.tables = tables;
        this.writer = writer;
    }

    /** One put ({@code item} set) or delete ({@code item} null). */
    private record Write(Table table, AttributeMap key, AttributeMap item) {
    }

    @Override
    public JsonNode invoke(DecodedCall call, Input input) {
        JsonNode requestItems = BatchRequests.requestItems(input);
        String capacityMode = Requests.consumedCapacity(input);
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            writes.addAll(tableWrites(call, entry.getKey(), entry.getValue()));
            if (writes.size() > MAX_WRITES) {
                throw DynamoDbErrors.validation("Too many items requested for the BatchWriteItem call");
            }
        }
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        for (Write write : writes) {
            apply(write, units);
        }
        ObjectNode output = NODES.objectNode();
        output.putObject("UnprocessedItems");
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private List<Write> tableWrites(DecodedCall call, String name, JsonNode list) {
        Requests.TableRef ref = Requests.parse(call.region(), name, "requestItems.key");
        Table table = tables.forItems(ref.region(), ref.name());
        List<Input> requests = new Input(NODES.objectNode().set("RequestItems", list)).objectList("RequestItems");
        if (requests.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '{" + name + "=[]}' at 'requestItems' "
                    + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less "
                    + "than or equal to 25, Member must have length greater than or equal to 1]");
        }
        if (requests.size() > MAX_WRITES) {
            throw BatchRequests.memberLength(name + ".member", false, MAX_WRITES);
        }
        List<Write> writes = new ArrayList<>();
        Set<AttributeMap> seen = new HashSet<>();
        for (Input request : requests) {
            Write write = write(table, request);
            if (!seen.add(write.key)) {
                throw BatchRequests.duplicateKeys();
            }
            writes.add(write);
        }
        return writes;
    }

    private static Write write(Table table, Input request) {
        boolean put = request.has("PutRequest");
        if (put == request.has("DeleteRequest")) {
            throw DynamoDbErrors.validation("1 validation error detected: WriteRequest must contain exactly one of "
                    + "PutRequest or DeleteRequest");
        }
        if (!put) {
            return new Write(table, ItemRequests.key(table, request.object("DeleteRequest")), null);
        }
        Input putRequest = request.object("PutRequest");
        if (!putRequest.has("Item")) {
            throw DynamoDbErrors.constraint("null", "requestItems.member.putRequest.item", "Member must not be null");
        }
        AttributeMap item = AttributeValueCodec.readItem(putRequest.object("Item").node());
        // a missing or mistyped key is a schema mismatch here, not PutItem's "Missing the key"
        table.keys().checkKeyOf(item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
        table.checkIndexKeys(item);
        return new Write(table, table.keys().key(item), item);
    }

    private void apply(Write write, CapacityUnits units) {
        write.table.lock().writeLock().lock();
        try {
            AttributeMap before = write.table.get(write.key);
            writer.commit(write.table, "BatchWriteItem", write.key, before, write.item, true);
            ItemOperations.chargeWrite(units, write.table, before, write.item, 1);
        } finally {
            write.table.lock().writeLock().unlock();
        }
    }
}
