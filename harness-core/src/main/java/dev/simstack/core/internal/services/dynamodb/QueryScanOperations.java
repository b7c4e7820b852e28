package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.ConditionExpressionParser;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Query and Scan, one {@link ResultPage} per call. Items come in key order: sort keys of type S by
 * UTF-8 bytes, N numerically, B by unsigned bytes.
 */
final class QueryScanOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_SEGMENTS = 1_000_000;

    private final Tables tables;

    QueryScanOperations(Tables tables) {
        this.tables = tables;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("Query", this::query);
        operations.put("Scan", this::scan);
    }

    private JsonNode query(DecodedCall call, Input input) {
        checkModel(call, input);
        Requests.refuseLegacy(input, "KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
        Table table = table(call, input);
        SecondaryIndex index = index(table, input.string("IndexName"));
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        String keyText = input.string("KeyConditionExpression");
        if (keyText == null) {
            throw DynamoDbErrors.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeySchema keys = index == null ? table.keys() : index.keys();
        KeyCondition keyCondition = KeyCondition.parse(keyText, attributes, keyAttributes(keys.hashAttributes()),
                keyAttributes(keys.rangeAttributes()));
        Condition filter = filter(input, attributes);
        if (filter != null) {
            // a Query's key attributes belong in its key condition, not its filter
            for (String attribute : Condition.attributes(filter)) {
                if (keys.isKeyAttribute(attribute)) {
                    throw DynamoDbErrors.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + attribute);
                }
            }
        }
        ReadSelection selection = ReadSelection.of(input, table, index, attributes, true);
        attributes.checkAllUsed();
        Integer limit = Requests.bounded(input, "Limit", "limit", 1, Integer.MAX_VALUE);
        boolean forward = !Boolean.FALSE.equals(input.bool("ScanIndexForward"));
        boolean consistent = consistentRead(input, index);
        AttributeMap start = startKey(input, table, index);
        String capacity = Requests.consumedCapacity(input);
        table.lock().readLock().lock();
        try {
            Iterator<AttributeMap> items = table.query(index, keyCondition, forward, start);
            return page(table, index, items, item -> true, filter, selection, limit, consistent, capacity);
        } finally {
            table.lock().readLock().unlock();
        }
    }

    private JsonNode scan(DecodedCall call, Input input) {
        checkModel(call, input);
        Requests.refuseLegacy(input, "ScanFilter", "AttributesToGet", "ConditionalOperator");
        Table table = table(call, input);
        SecondaryIndex index = index(table, input.string("IndexName"));
        ExpressionAttributes attributes = ExpressionAttributes.from(input);
        Condition filter = filter(input, attributes);
        ReadSelection selection = ReadSelection.of(input, table, index, attributes, false);
        attributes.checkAllUsed();
        Integer limit = Requests.bounded(input, "Limit", "limit", 1, Integer.MAX_VALUE);
        Predicate<AttributeMap> inSegment = segment(input, table);
        boolean consistent = consistentRead(input, index);
        AttributeMap start = startKey(input, table, index);
        String capacity = Requests.consumedCapacity(input);
        table.lock().readLock().lock();
        try {
            Iterator<AttributeMap> items = table.scan(index, start);
            return page(table, index, items, inSegment, filter, selection, limit, consistent, capacity);
        } finally {
            table.lock().readLock().unlock();
        }
    }

    /** The model's constraints of Query and Scan, all reported at once as AWS does. */
    private static void checkModel(DecodedCall call, Input input) {
        ModelConstraints.checkAll(
                () -> Requests.consumedCapacity(input),
                () -> Requests.table(call, input),
                () -> Requests.bounded(input, "Limit", "limit", 1, Integer.MAX_VALUE),
                () -> Requests.choice(input, "Select", "select", "ALL_ATTRIBUTES", ReadSelection.SELECT),
                () -> Requests.bounded(input, "Segment", "segment", 0, MAX_SEGMENTS - 1),
                () -> Requests.bounded(input, "TotalSegments", "totalSegments", 1, MAX_SEGMENTS));
    }

    private static JsonNode page(Table table, SecondaryIndex index, Iterator<AttributeMap> items,
            Predicate<AttributeMap> inSegment, Condition filter, ReadSelection selection, Integer limit,
            boolean consistent, String capacityMode) {
        ObjectNode output = NODES.objectNode();
        ResultPage page = new ResultPage(selection, filter, limit);
        page.read(items, inSegment, output);
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        if (units.wanted()) {
            units.read(table, index, CapacityUnits.readUnits(page.bytesRead(), consistent));
            output.set("ConsumedCapacity", units.describe(table.name()));
        }
        return output;
    }

    private Table table(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        return tables.forItems(ref.region(), ref.name());
    }

    /** The index {@code name} names (null for none), or AWS's refusal (also PartiQL's {@code "table"."index"}). */
    static SecondaryIndex index(Table table, String name) {
        if (name == null) {
            return null;
        }
        SecondaryIndex index = table.index(name);
        if (index == null) {
            throw DynamoDbErrors.validation("The table does not have the specified index: " + name);
        }
        return index;
    }

    private static Condition filter(Input input, ExpressionAttributes attributes) {
        String text = input.string("FilterExpression");
        return text == null ? null : ConditionExpressionParser.parse("FilterExpression", text, attributes);
    }

    private static boolean consistentRead(Input input, SecondaryIndex index) {
        boolean consistent = Boolean.TRUE.equals(input.bool("ConsistentRead"));
        if (consistent && index != null && index.definition().global()) {
            throw DynamoDbErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        return consistent;
    }

    /** The ExclusiveStartKey: the table's key attributes, and the index's when reading an index. */
    private static AttributeMap startKey(Input input, Table table, SecondaryIndex index) {
        if (!input.has("ExclusiveStartKey")) {
            return null;
        }
        AttributeMap start = AttributeValueCodec.readItem(input.object("ExclusiveStartKey").node());
        if (!table.keys().typedIn(start) || index != null && !index.keys().typedIn(start)) {
            throw DynamoDbErrors.validation("The provided starting key is invalid: The provided key element does not "
                    + "match the schema");
        }
        return start;
    }

    private static List<KeyCondition.KeyAttribute> keyAttributes(List<KeySchema.Element> elements) {
        return elements.stream().map(e -> new KeyCondition.KeyAttribute(e.name(), e.type())).toList();
    }

    /** Segment and TotalSegments of a parallel scan; items go to segments by their partition key's hash. */
    private static Predicate<AttributeMap> segment(Input input, Table table) {
        Integer segment = Requests.bounded(input, "Segment", "segment", 0, MAX_SEGMENTS - 1);
        Integer total = Requests.bounded(input, "TotalSegments", "totalSegments", 1, MAX_SEGMENTS);
        if (segment == null && total == null) {
            return item -> true;
        }
        if (segment == null) {
            throw DynamoDbErrors.validation("The Segment parameter is required but was not present in the request "
                    + "when parameter TotalSegments is present");
        }
        if (total == null) {
            throw DynamoDbErrors.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when parameter Segment is present");
        }
        if (segment >= total) {
            throw DynamoDbErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
        int wanted = segment;
        int segments = total;
        String hashName = table.keys().hashName();
        return item -> Math.floorMod(mix(item.get(hashName).hashCode()), segments) == wanted;
    }

    private static int mix(int hash) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
