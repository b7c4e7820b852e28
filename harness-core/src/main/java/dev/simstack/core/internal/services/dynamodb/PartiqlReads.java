package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlKeys;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlStatement.Select;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.List;

/**
 * PartiQL's SELECT. A WHERE clause whose ANDed conditions pin the partition key of the table or index with
 * an equality is answered as a Query (with a sort key condition when it states one); any other as a Scan.
 * Either way the whole clause filters the items read, and the page is a Query's or Scan's ({@link ResultPage}:
 * {@code Limit} and 1 MB bound the items read); a NextToken continues after the last item read.
 */
final class PartiqlReads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Tables tables;

    PartiqlReads(Tables tables) {
        this.tables = tables;
    }

    /** What one page of a SELECT reads. */
    record Request(String region, String statement, Select select, Integer limit, String nextToken,
            boolean consistent, String capacityMode) {
    }

    /** One page of a SELECT: {@code Items}, {@code NextToken} and {@code ConsumedCapacity}. */
    ObjectNode select(Request request) {
        Select select = request.select();
        Table table = tables.forItems(request.region(), select.table());
        SecondaryIndex index = QueryScanOperations.index(table, select.index());
        if (request.consistent() && index != null && index.definition().global()) {
            throw DynamoDbErrors.validation("Strongly consistent read is not supported on Global Secondary Indexes");
        }
        KeySchema keys = index == null ? table.keys() : index.keys();
        KeyCondition keyCondition = PartiqlKeys.queryCondition(select.where(), keys);
        checkOrder(select, keys, keyCondition);
        AttributeMap start = PartiqlNextToken.decode(request.nextToken(), request.statement());
        ReadSelection selection = ReadSelection.of(table, index, select.projection() == null ? null
                : new ProjectionExpression(select.projection()));
        ObjectNode output = NODES.objectNode();
        ResultPage page = new ResultPage(selection, select.where(), request.limit());
        table.lock().readLock().lock();
        try {
            page.read(keyCondition == null ? table.scan(index, start)
                    : table.query(index, keyCondition, !select.descending(), start), item -> true, output);
        } finally {
            table.lock().readLock().unlock();
        }
        // ExecuteStatement answers neither counts nor the key itself: the key goes into the NextToken
        output.remove("Count");
        output.remove("ScannedCount");
        JsonNode lastKey = output.remove("LastEvaluatedKey");
        if (lastKey != null) {
            output.put("NextToken", PartiqlNextToken.encode(AttributeValueCodec.readItem(lastKey),
                    request.statement()));
        }
        CapacityUnits units = new CapacityUnits(request.capacityMode(), true);
        if (units.wanted()) {
            units.read(table, index, CapacityUnits.readUnits(page.bytesRead(), request.consistent()));
            output.set("ConsumedCapacity", units.describe(table.name()));
        }
        return output;
    }

    /** A single-item read of a batch or transaction: the item at the WHERE clause's key, or null. */
    record SingleRead(Table table, AttributeMap key, Condition rest, List<DocumentPath> projection) {

        /** The item as the statement returns it, or null; call under the table's read lock. */
        AttributeMap read() {
            AttributeMap item = table.get(key);
            if (item == null || rest != null && !rest.test(item)) {
                return null;
            }
            return project(item, projection);
        }
    }

    /**
     * A SELECT of a batch or transaction, which must name one item of a table.
     *
     * @param indexMessage AWS's refusal of a read on an index where this read is
     */
    SingleRead single(String region, Select select, String indexMessage) {
        Table table = tables.forItems(region, select.table());
        if (select.index() != null) {
            throw DynamoDbErrors.validation(indexMessage);
        }
        PartiqlKeys.KeyedWhere keyed = PartiqlKeys.fullKey(select.where(), table.keys());
        return new SingleRead(table, table.keys().checkKey(keyed.key()), keyed.rest(), select.projection());
    }

    private static AttributeMap project(AttributeMap item, List<DocumentPath> projection) {
        return projection == null ? item : ProjectionExpression.project(item, projection);
    }

    /** AWS's rules for ORDER BY: a key attribute, and a WHERE clause that makes the read a Query. */
    private static void checkOrder(Select select, KeySchema keys, KeyCondition keyCondition) {
        DocumentPath orderBy = select.orderBy();
        if (orderBy == null) {
            return;
        }
        if (select.where() == null) {
            throw DynamoDbErrors.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        if (!orderBy.isTopLevel() || !keys.isKeyAttribute(orderBy.attribute())) {
            throw DynamoDbErrors.validation("Variable reference " + orderBy.attribute() + " in ORDER BY clause must be part of "
                    + "the primary key");
        }
        if (keyCondition == null) {
            throw DynamoDbErrors.validation("Must have at least one non-optional hash key condition in WHERE clause "
                    + "when using ORDER BY clause.");
        }
    }
}
