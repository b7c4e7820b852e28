package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems: all or nothing. Every table of a transaction is locked, every
 * condition tested and every update computed before anything is written, so a transaction is never
 * half-applied; a refused one answers TransactionCanceledException with one reason per action.
 */
final class TransactionOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** DynamoDB allows up to 100 actions per transaction. */
    private static final int MAX_ACTIONS = 100;

    private final ItemRequests requests;
    private final ItemWriter writer;
    private final TransactionTokens tokens;

    TransactionOperations(StackContext context, ItemRequests requests, ItemWriter writer) {
        this.requests = requests;
        this.writer = writer;
        this.tokens = new TransactionTokens(context.clock());
    }

    void register(Map<String, DynamoDbOperation> operations) {
        operations.put("TransactWriteItems", this::transactWrite);
        operations.put("TransactGetItems", this::transactGet);
    }

    private static List<Input> actions(Input input) {
        if (!input.has("TransactItems")) {
            throw DynamoDbErrors.constraint("null", "transactItems", "Member must not be null");
        }
        List<Input> actions = input.objectList("TransactItems");
        if (actions.isEmpty()) {
            throw DynamoDbErrors.constraint("'[]'", "transactItems",
                    "Member must have length greater than or equal to 1");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'TransactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_ACTIONS);
        }
        return actions;
    }

    private JsonNode transactWrite(ServiceCall call, Input input) {
        List<Input> actions = actions(input);
        String capacityMode = Requests.consumedCapacity(input);
        String token = input.string("ClientRequestToken");
        String fingerprint = null;
        if (token != null) {
            if (token.isEmpty() || token.length() > 36) {
                throw DynamoDbErrors.constraint("'" + token + "'", "clientRequestToken",
                        "Member must have length less than or equal to 36");
            }
            ObjectNode copy = ((ObjectNode) input.node()).deepCopy();
            copy.remove("ClientRequestToken");
            copy.remove("ReturnConsumedCapacity");
            fingerprint = copy.toString();
            JsonNode earlier = tokens.earlier(token, fingerprint);
            if (earlier != null) {
                return earlier;
            }
        }
        List<PreparedWrite> writes = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Set<String> items = new HashSet<>();
        for (Input action : actions) {
            PreparedWrite write;
            try {
                write = prepare(call, action);
            } catch (AwsException e) {
                if (!isKeyShapeError(e)) {
                    throw e;
                }
                // AWS reports a mistyped key as this action's cancellation reason, not as a request error
                writes.add(null);
                invalid.add(e.getMessage());
                continue;
            }
            if (!items.add(write.table().settings().arn() + "|" + write.key())) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
            invalid.add(null);
        }
        Set<Table> involved = new LinkedHashSet<>();
        writes.stream().filter(w -> w != null).forEach(w -> involved.add(w.table()));
        CapacityUnits units = new CapacityUnits(capacityMode, false);
        TableLocks locks = TableLocks.write(involved);
        try {
            apply(writes, invalid, units);
        } finally {
            locks.close();
        }
        ObjectNode output = NODES.objectNode();
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        if (token != null) {
            tokens.remember(token, fingerprint, output);
        }
        return output;
    }

    private PreparedWrite prepare(ServiceCall call, Input action) {
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("ConditionCheck", "Put", "Delete", "Update")) {
            if (action.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        Input body = action.object(kinds.get(0));
        switch (kinds.get(0)) {
            case "ConditionCheck":
                return requests.conditionCheck(call, body);
            case "Put":
                return requests.put(call, body, true);
            case "Delete":
                return requests.delete(call, body, true);
            default:
                return requests.update(call, body, true);
        }
    }

    private static boolean isKeyShapeError(AwsException e) {
        String message = e.getMessage();
        return e.code().equals("ValidationException") && (message.equals(
                "The provided key element does not match the schema")
                || message.startsWith("One or more parameter values were invalid: Type mismatch for key ")
                || message.startsWith("One or more parameter values were invalid: Missing the key "));
    }

    /**
     * Tests every action, then writes all or none. Under the write locks of every table involved.
     * {@code invalid} holds, per action, the message of a key that did not fit its table (its action is null).
     */
    private void apply(List<PreparedWrite> writes, List<String> invalid, CapacityUnits units) {
        List<AttributeMap> befores = new ArrayList<>();
        List<AttributeMap> afters = new ArrayList<>();
        ArrayNode reasons = NODES.arrayNode();
        List<String> codes = new ArrayList<>();
        boolean cancelled = false;
        for (int i = 0; i < writes.size(); i++) {
            PreparedWrite write = writes.get(i);
            ObjectNode reason = reasons.addObject();
            if (write == null) {
                cancelled = true;
                codes.add("ValidationError");
                reason.put("Code", "ValidationError").put("Message", invalid.get(i));
                befores.add(null);
                afters.add(null);
                continue;
            }
            AttributeMap before = write.table().get(write.key());
            befores.add(before);
            if (!write.conditionHolds(before)) {
                cancelled = true;
                codes.add("ConditionalCheckFailed");
                reason.put("Code", "ConditionalCheckFailed").put("Message", DynamoDbErrors.CONDITION_FAILED);
                if (write.returnOldOnFailure() && before != null) {
                    reason.set("Item", AttributeValueCodec.writeItem(before));
                }
                afters.add(null);
                continue;
            }
            try {
                afters.add(write.apply(before));
                codes.add("None");
                reason.put("Code", "None");
            } catch (AwsException e) {
                cancelled = true;
                codes.add("ValidationError");
                reason.put("Code", "ValidationError").put("Message", e.getMessage());
                afters.add(null);
            }
        }
        if (cancelled) {
            for (int i = 0; i < writes.size(); i++) {
                if (codes.get(i).equals("ConditionalCheckFailed")) {
                    writer.refused(writes.get(i).table(), "TransactWriteItems", writes.get(i).key());
                }
            }
            ObjectNode members = NODES.objectNode();
            members.set("CancellationReasons", reasons);
            throw DynamoDbErrors.transactionCanceled(String.join(", ", codes), members);
        }
        for (int i = 0; i < writes.size(); i++) {
            PreparedWrite write = writes.get(i);
            // transactional writes cost two units per KB, a condition check two per KB read
            ItemOperations.chargeWrite(units, write.table(), befores.get(i), afters.get(i), 2);
            if (write.writes()) {
                writer.commit(write.table(), "TransactWriteItems", write.key(), befores.get(i), afters.get(i), true);
            }
        }
    }

    private JsonNode transactGet(ServiceCall call, Input input) {
        List<Input> actions = actions(input);
        String capacityMode = Requests.consumedCapacity(input);
        List<Get> gets = new ArrayList<>();
        for (Input action : actions) {
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
            gets.add(new Get(table, key, projection));
        }
        Set<Table> involved = new LinkedHashSet<>();
        gets.forEach(g -> involved.add(g.table));
        CapacityUnits units = new CapacityUnits(capacityMode, true);
        ObjectNode output = NODES.objectNode();
        ArrayNode responses = output.putArray("Responses");
        TableLocks locks = TableLocks.read(involved);
        try {
            for (Get get : gets) {
                AttributeMap item = get.table.get(get.key);
                ObjectNode response = responses.addObject();
                if (item != null) {
                    response.set("Item", AttributeValueCodec.writeItem(get.projection == null ? item
                            : get.projection.apply(item)));
                }
                units.table(get.table.name(), 2 * CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), true));
            }
        } finally {
            locks.close();
        }
        if (units.wanted()) {
            output.set("ConsumedCapacity", units.describeAll());
        }
        return output;
    }

    private record Get(Table table, AttributeMap key, ProjectionExpression projection) {
    }
}
