package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Query or Scan returns of each item: its {@code Select} and {@code ProjectionExpression}, and,
 * when reading an index, the index's projection (an index holds only its projected attributes, so
 * filters and projections see only those).
 */
final class ReadSelection {

    /** In the order AWS lists them when it refuses a value (the values are case-sensitive). */
    static final List<String> SELECT = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
            "ALL_PROJECTED_ATTRIBUTES");

    private final Table table;
    private final SecondaryIndex index;
    private final String select;
    private final ProjectionExpression projection;

    private ReadSelection(Table table, SecondaryIndex index, String select, ProjectionExpression projection) {
        this.table = table;
        this.index = index;
        this.select = select;
        this.projection = projection;
    }

    /**
     * Reads Select and ProjectionExpression; {@code query} tells Query from Scan, whose messages AWS
     * answers bare where Query's come in the "1 validation error detected: " envelope.
     */
    static ReadSelection of(Input input, Table table, SecondaryIndex index, ExpressionAttributes attributes,
            boolean query) {
        String text = input.string("ProjectionExpression");
        ProjectionExpression projection = text == null ? null : ProjectionExpression.parse(text, attributes);
        String fallback = projection != null ? "SPECIFIC_ATTRIBUTES"
                : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        String select = Requests.choice(input, "Select", "select", fallback, SELECT);
        String envelope = query ? "1 validation error detected: " : "";
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbErrors.validation(envelope + "Cannot specify the ProjectionExpression when choosing to get "
                    + (select.equals("COUNT") ? "only the Count" : select));
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
            throw DynamoDbErrors.validation(envelope + "Must specify the AttributesToGet or ProjectionExpression when "
                    + "choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoDbErrors.validation(envelope + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using "
                    + "an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && index != null && index.definition().global()
                && !index.definition().projectionType().equals("ALL")) {
            throw DynamoDbErrors.invalidParameters("Select type ALL_ATTRIBUTES is not supported for global secondary "
                    + "index " + index.name() + " because its projection type is not ALL");
        }
        return new ReadSelection(table, index, select, projection);
    }

    /**
     * PartiQL's selection: {@code projection} (null for {@code SELECT *}) of the table's items, or of what
     * {@code index} projects of them.
     */
    static ReadSelection of(Table table, SecondaryIndex index, ProjectionExpression projection) {
        String select = projection != null ? "SPECIFIC_ATTRIBUTES"
                : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        return new ReadSelection(table, index, select, projection);
    }

    boolean countOnly() {
        return select.equals("COUNT");
    }

    /** The item as the index holds it (for filters): the index projection of a table item. */
    AttributeMap indexed(AttributeMap item) {
        if (index == null || select.equals("ALL_ATTRIBUTES")) {
            return item;
        }
        return index.project(item);
    }

    private static void keep(AttributeMap item, KeySchema keys, Map<String, AttributeValue> kept) {
        for (KeySchema.Element element : keys.elements()) {
            kept.put(element.name(), item.get(element.name()));
        }
    }

    /** Bytes a read of {@code item} is charged for: the whole item, or the entry an index holds of it. */
    long chargedSize(AttributeMap item) {
        return ItemSize.of(index == null ? item : index.project(item));
    }

    /** The item as returned. */
    AttributeMap returned(AttributeMap indexed) {
        return projection == null ? indexed : projection.apply(indexed);
    }

    /** The LastEvaluatedKey of a page ending at {@code item}: the table's key, and the index's if any. */
    AttributeMap lastEvaluatedKey(AttributeMap item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keep(item, table.keys(), key);
        if (index != null) {
            keep(item, index.keys(), key);
        }
        return AttributeMap.of(key);
    }
}
