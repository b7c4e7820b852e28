package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
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
 * BatchGetItem: up to 100 keys over any tables, each item read on its own (not a snapshot), as in AWS.
 * The engine never throttles, so UnprocessedKeys holds only what exceeds the 16 MB response limit.
 */
final class BatchGetOperation implements DynamoDbOperation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_KEYS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Tables tables;

    BatchGetOperation(Tables tables) {
        this.tables = tables;
    }

    /** One table's part of the request. */
    private record TableGets(String name, Table table, List<AttributeMap> keys, ProjectionExpression projection,
            Input request, boolean consistent) {
    }

    @Override
    public JsonNode invoke(DecodedCall call, Input input) {
        BatchRequests.requestItems(input);
        String capacityMode = Requests.consumedCapacity(input);
        List<TableGets> gets = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Input> entry : input.objectMap("RequestItems").entrySet()) {
            TableGets get = tableGets(call, entry.getKey(), entry.getValue());
            total += get.keys.size();
            if (total > MAX_KEYS) {
                throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
            }
            gets.add(get);
        }
        ObjectNode output = NODES.objectNode();
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        read(gets, output.putObject("Responses"), output.putObject("UnprocessedKeys"), units);
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private TableGets tableGets(DecodedCall call, String name, Input request) {
        Requests.refuseLegacy(request, "AttributesToGet");
        Requests.TableRef ref = Requests.parse(call.region(), name, "requestItems.key");
        Table table = tables.forItems(ref.region(), ref.name());
        List<Input> keyInputs = request.objectList("Keys");
        if (keyInputs.isEmpty() || keyInputs.size() > MAX_KEYS) {
            throw BatchRequests.memberLength(name + ".member.Keys", keyInputs.isEmpty(), MAX_KEYS);
        }
        List<AttributeMap> keys = new ArrayList<>();
        Set<AttributeMap> seen = new HashSet<>();
        for (Input key : keyInputs) {
            AttributeMap parsed = table.keys().checkKey(AttributeValueCodec.readItem(key.node()));
            if (!seen.add(parsed)) {
                throw BatchRequests.duplicateKeys();
            }
            keys.add(parsed);
        }
        ExpressionAttributes attributes = ExpressionAttributes.from(request);
        String text = request.string("ProjectionExpression");
        ProjectionExpression projection = text == null ? null : ProjectionExpression.parse(text, attributes);
        attributes.checkAllUsed();
        boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
        return new TableGets(name, table, keys, projection, request, consistent);
    }

    private void read(List<TableGets> gets, ObjectNode responses, ObjectNode unprocessed, CapacityUnits units) {
        long bytes = 0;
        for (TableGets get : gets) {
            ArrayNode items = responses.putArray(get.name);
            ArrayNode left = null;
            for (AttributeMap key : get.keys) {
                AttributeMap item = read(get.table, key);
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
    }

    private static AttributeMap read(Table table, AttributeMap key) {
        table.lock().readLock().lock();
        try {
            return table.get(key);
        } finally {
            table.lock().readLock().unlock();
        }
    }

    /** The UnprocessedKeys entry of a table: its request as sent, with the keys not read. */
    private static ArrayNode unprocessedKeys(ObjectNode unprocessed, TableGets get) {
        ObjectNode entry = ((ObjectNode) get.request.node()).deepCopy();
        ArrayNode keys = entry.putArray("Keys");
        unprocessed.set(get.name, entry);
        return keys;
    }
}
