package dev.simstack.sample;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The orders table: each write is conditional, so a repeated request or delivery changes nothing twice. */
final class OrderTable {

    private final DynamoDbClient dynamo;
    private final String table;

    OrderTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores {@code order} unless its id is taken; answers whether it was stored. */
    // docs:put-if-absent-start
    boolean putIfAbsent(Order order) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(order.item())
                    .conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }
    // docs:put-if-absent-end

    /** The order as last written (a strongly consistent read: it follows a write of the same request). */
    Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Order.fromItem(item));
    }

    /** The charge of the order if it is PAID (a strongly consistent read, so a paid order is seen as paid). */
    Optional<String> chargeOfPaid(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        if (item == null || !item.containsKey("chargeId")
                || !Order.PAID.equals(item.getOrDefault("status", AttributeValue.fromS("")).s())) {
            return Optional.empty();
        }
        return Optional.of(item.get("chargeId").s());
    }

    /**
     * Marks the order PAID with its charge, if it is PENDING; answers false when it was not (paid already by
     * an earlier delivery of the same message).
     */
    // docs:mark-paid-start
    boolean markPaid(String orderId, String chargeId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS(orderId)))
                    .updateExpression("SET #status = :paid, chargeId = :charge")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS(Order.PAID),
                            ":pending", AttributeValue.fromS(Order.PENDING),
                            ":charge", AttributeValue.fromS(chargeId))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }
    // docs:mark-paid-end
}
