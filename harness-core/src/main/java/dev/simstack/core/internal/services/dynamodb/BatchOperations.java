package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
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
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). Each item is read or
 * written on its own, not atomically, as in AWS. The engine never throttles, so UnprocessedItems is
 * always empty and UnprocessedKeys holds only what exceeds BatchGetItem's 16 MB response limit.
 */
final class BatchOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_GET_KEYS = 100;
    private static final int MAX_WRITES = 25;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Tables tables;
    private final ItemWriter writer;

    BatchOperations(Tables tables, ItemWriter writer) {
        this.tables = tables;
        this.writer = writer;
    }

    void register(Map<String, DynamoDbOperation> operations) {
        operations.put("BatchGetItem", this::batchGet);
        operations.put("BatchWriteItem", this::batchWrite);
    }

    /** The RequestItems map, which must hold at least one table. */
    private static JsonNode requestItems(Input input) {
        if (!input.has("RequestItems")) {
            throw DynamoDbErrors.constraint("null", "requestItems", "Member must not be null");
        }
        JsonNode requestItems = input.object("RequestItems").node();
        if (requestItems.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        return requestItems;
    }

    private JsonNode batchGet(ServiceCall call, Input input) {
        requestItems(input);
        String capacityMode = Requests.consumedCapacity(input);
        List<TableGets> gets = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Input> entry : input.objectMap("RequestItems").entrySet()) {
            Input request = entry.getValue();
            Requests.refuseLegacy(request, "AttributesToGet");
            Requests.TableRef ref = Requests.parse(call.region(), entry.getKey(), "requestItems.key");
            Table table = tables.forItems(ref.region(), ref.name());
            List<Input> keyInputs = request.objectList("Keys");
            if (keyInputs.isEmpty() || keyInputs.size() > MAX_GET_KEYS) {
                throw DynamoDbErrors.validation("1 validation error detected: Value at 'RequestItems."
                        + entry.getKey() + ".member.Keys' failed to satisfy constraint: Member must have length "
                        + (keyInputs.isEmpty() ? "greater than or equal to 1"
                                : "less than or equal to " + MAX_GET_KEYS));
            }
            total += keyInputs.size();
            if (total > MAX_GET_KEYS) {
                throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
            }
            List<AttributeMap> keys = new ArrayList<>();
            Set<AttributeMap> seen = new HashSet<>();
            for (Input key : keyInputs) {
                AttributeMap parsed = table.keys().checkKey(AttributeValueCodec.readItem(key.node()));
                if (!seen.add(parsed)) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                keys.add(parsed);
            }
            ExpressionAttributes attributes = ExpressionAttributes.from(request);
            String text = request.string("ProjectionExpression");
            ProjectionExpression projection = text == null ? null : ProjectionExpression.parse(text, attributes);
            attributes.checkAllUsed();
            gets.add(new TableGets(entry.getKey(), table, keys, projection, request,
                    Boolean.TRUE.equals(request.bool("ConsistentRead"))));
        }
        ObjectNode output = NODES.objectNode();
        ObjectNode responses = output.putObject("Responses");
        ObjectNode unprocessed = output.putObject("UnprocessedKeys");
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        long bytes = 0;
        for (TableGets get : gets) {
            ArrayNode items = responses.putArray(get.name);
            ArrayNode left = null;
            for (AttributeMap key : get.keys) {
                AttributeMap item;
                get.table.lock().readLock().lock();
                try {
                    item = get.table.get(key);
                } finally {
                    get.table.lock().readLock().unlock();
                }
                long size = item == null ? 0 : ItemSize.of(item);
                if (bytes + size > MAX_RESPONSE_BYTES) {
                    left = left != null ? left : unprocessedKeys(unprocessed, get);
                    left.add(AttributeValueCodec.writeItem(key));
                    continue;
                }
                bytes += size;
                units.table(get.table.name(), CapacityUnits.readUnits(size, get.consistent));
                if (item != null) {
                    AttributeMap returned = get.projection == null ? item : get.projection.apply(item);
                    items.add(AttributeValueCodec.writeItem(returned));
                }
            }
        }
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    /** The UnprocessedKeys entry of a table: its request as sent, with the keys not read. */
    private static ArrayNode unprocessedKeys(ObjectNode unprocessed, TableGets get) {
        ObjectNode entry = ((ObjectNode) get.request.node()).deepCopy();
        ArrayNode keys = entry.putArray("Keys");
        unprocessed.set(get.name, entry);
        return keys;
    }

    private record TableGets(String name, Table table, List<AttributeMap> keys, ProjectionExpression projection,
            Input request, boolean consistent) {
    }

    private JsonNode batchWrite(ServiceCall call, Input input) {
        JsonNode requestItems = requestItems(input);
        String capacityMode = Requests.consumedCapacity(input);
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            Requests.TableRef ref = Requests.parse(call.region(), entry.getKey(), "requestItems.key");
            Table table = tables.forItems(ref.region(), ref.name());
            List<Input> requests = new Input(NODES.objectNode().set("RequestItems", entry.getValue()))
                    .objectList("RequestItems");
            if (requests.isEmpty()) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '{" + entry.getKey() + "=[]}' at "
                        + "'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member "
                        + "must have length less than or equal to 25, Member must have length greater than or equal "
                        + "to 1]");
            }
            if (requests.size() > MAX_WRITES) {
                throw DynamoDbErrors.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member' failed to satisfy constraint: Member must have length less than or equal to 25");
            }
            Set<AttributeMap> seen = new HashSet<>();
            for (Input request : requests) {
                Write write = write(table, request);
                if (!seen.add(write.key)) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
            if (writes.size() > MAX_WRITES) {
                throw DynamoDbErrors.validation("Too many items requested for the BatchWriteItem call");
            }
        }
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        for (Write write : writes) {
            write.table.lock().writeLock().lock();
            try {
                AttributeMap before = write.table.get(write.key);
                writer.commit(write.table, "BatchWriteItem", write.key, before, write.item, true);
                ItemOperations.chargeWrite(units, write.table, before, write.item, 1);
            } finally {
                write.table.lock().writeLock().unlock();
            }
        }
        ObjectNode output = NODES.objectNode();
        output.putObject("UnprocessedItems");
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private static Write write(Table table, Input request) {
        boolean put = request.has("PutRequest");
        boolean delete = request.has("DeleteRequest");
        if (put == delete) {
            throw DynamoDbErrors.validation("1 validation error detected: WriteRequest must contain exactly one of "
                    + "PutRequest or DeleteRequest");
        }
        if (put) {
            Input putRequest = request.object("PutRequest");
            if (!putRequest.has("Item")) {
                throw DynamoDbErrors.constraint("null", "requestItems.member.putRequest.item",
                        "Member must not be null");
            }
            AttributeMap item = AttributeValueCodec.readItem(putRequest.object("Item").node());
            table.keys().checkKeyOf(item);
            if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
            }
            table.checkIndexKeys(item);
            return new Write(table, table.keys().key(item), item);
        }
        Input deleteRequest = request.object("DeleteRequest");
        return new Write(table, ItemRequests.key(table, deleteRequest), null);
    }

    private record Write(Table table, AttributeMap key, AttributeMap item) {
    }
}
