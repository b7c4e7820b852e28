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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TransactGetItems: up to 100 reads under the read locks of all their tables at once, so they see one
 * consistent snapshot; each costs twice a strongly consistent read.
 */
final class TransactGetOperation implements DynamoDbOperation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ItemRequests requests;

    TransactGetOperation(ItemRequests requests) {
        this.requests = requests;
    }

    private record Get(Table table, AttributeMap key, ProjectionExpression projection) {
    }

    @Override
    public JsonNode invoke(DecodedCall call, Input input) {
        List<Input> actions = TransactItems.of(input);
        TransactItems.checkModel(call, input, actions, List.of("Get"));
        String capacityMode = Requests.consumedCapacity(input);
        List<Get> gets = new ArrayList<>();
        for (Input action : actions) {
            gets.add(get(call, action));
        }
        Set<Table> involved = new LinkedHashSet<>();
        gets.forEach(g -> involved.add(g.table));
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        ObjectNode output = NODES.objectNode();
        TableLocks locks = TableLocks.read(involved);
        try {
            read(gets, output.putArray("Responses"), units);
        } finally {
            locks.close();
        }
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private Get get(DecodedCall call, Input action) {
        if (!action.has("Get")) {
            throw DynamoDbErrors.constraint("null", "transactItems.member.get", "Member must not be null");
        }
        Input body = action.object("Get");
        Table table = requests.table(call, body);
        AttributeMap key = ItemRequests.key(table, body);
        ExpressionAttributes attributes = ExpressionAttributes.from(body);
        String text = body.string("ProjectionExpression");
        ProjectionExpression projection = text == null ? null : ProjectionExpression.parse(text, attributes);
        attributes.checkAllUsed();
        return new Get(table, key, projection);
    }

    private static void read(List<Get> gets, ArrayNode responses, CapacityUnits units) {
        for (Get get : gets) {
            AttributeMap item = get.table.get(get.key);
            ObjectNode response = responses.addObject();
            if (item != null) {
                AttributeMap returned = get.projection == null ? item : get.projection.apply(item);
                response.set("Item", AttributeValueCodec.writeItem(returned));
            }
            // a transactional read costs two strongly consistent reads
            units.table(get.table.name(), 2 * CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), true));
        }
    }
}
