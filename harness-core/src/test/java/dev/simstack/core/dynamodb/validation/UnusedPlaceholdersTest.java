package dev.simstack.core.dynamodb.validation;

import static dev.simstack.core.dynamodb.validation.ValidationSupport.assertValidation;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.itemKey;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.s;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Every operation that takes expressions refuses an ExpressionAttributeNames or ExpressionAttributeValues
 * entry that none of its expressions uses, naming the unused keys.
 */
class UnusedPlaceholdersTest {

    private static final String UNUSED_NAME = "Value provided in ExpressionAttributeNames unused in expressions: "
            + "keys: {#unused}";
    private static final String UNUSED_VALUE = "Value provided in ExpressionAttributeValues unused in expressions: "
            + "keys: {:unused}";
    private static final Map<String, String> NAMES = Map.of("#a", "a", "#unused", "b");
    private static final Map<String, AttributeValue> VALUES = Map.of(":v", s("x"), ":unused", s("y"));

    private static ValidationSupport support;

    @BeforeAll
    static void start() {
        support = ValidationSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(itemKey());
        item.put("a", s("x"));
        return item;
    }

    @Test
    void put_refuses_an_unused_name_and_an_unused_value() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(item())
                .conditionExpression("attribute_not_exists(#a)").expressionAttributeNames(NAMES)), UNUSED_NAME);
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(item())
                .conditionExpression("a <> :v").expressionAttributeValues(VALUES)), UNUSED_VALUE);
    }

    @Test
    void update_refuses_an_unused_name_and_an_unused_value() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("SET #a = :v").expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":v", s("x")))), UNUSED_NAME);
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("SET a = :v").expressionAttributeValues(VALUES)), UNUSED_VALUE);
    }

    @Test
    void delete_refuses_an_unused_name_and_an_unused_value() {
        assertValidation(() -> support.dynamo.deleteItem(b -> b.tableName("items").key(itemKey())
                .conditionExpression("attribute_exists(#a)").expressionAttributeNames(NAMES)), UNUSED_NAME);
        assertValidation(() -> support.dynamo.deleteItem(b -> b.tableName("items").key(itemKey())
                .conditionExpression("a = :v").expressionAttributeValues(VALUES)), UNUSED_VALUE);
    }

    @Test
    void query_refuses_an_unused_name_and_an_unused_value() {
        assertValidation(() -> support.dynamo.query(b -> b.tableName("items").keyConditionExpression("#a = :v")
                .expressionAttributeNames(Map.of("#a", "pk", "#unused", "b"))
                .expressionAttributeValues(Map.of(":v", s("x")))), UNUSED_NAME);
        assertValidation(() -> support.dynamo.query(b -> b.tableName("items").keyConditionExpression("pk = :v")
                .expressionAttributeValues(VALUES)), UNUSED_VALUE);
    }

    @Test
    void scan_refuses_an_unused_name_and_an_unused_value() {
        assertValidation(() -> support.dynamo.scan(b -> b.tableName("items").filterExpression("#a = :v")
                .expressionAttributeNames(NAMES).expressionAttributeValues(Map.of(":v", s("x")))), UNUSED_NAME);
        assertValidation(() -> support.dynamo.scan(b -> b.tableName("items").filterExpression("a = :v")
                .expressionAttributeValues(VALUES)), UNUSED_VALUE);
    }

    @Test
    void get_item_refuses_a_name_its_projection_does_not_use() {
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("items").key(itemKey())
                .projectionExpression("#a").expressionAttributeNames(NAMES)), UNUSED_NAME);
    }

    @Test
    void batch_get_refuses_a_name_the_projection_of_a_table_does_not_use() {
        assertValidation(() -> support.dynamo.batchGetItem(b -> b.requestItems(Map.of("items",
                KeysAndAttributes.builder().keys(itemKey()).projectionExpression("#a").expressionAttributeNames(NAMES)
                        .build()))), UNUSED_NAME);
    }

    @Test
    void transact_get_refuses_a_name_the_projection_of_a_get_does_not_use() {
        assertValidation(() -> support.dynamo.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                .get(Get.builder().tableName("items").key(itemKey()).projectionExpression("#a")
                        .expressionAttributeNames(NAMES).build()).build())), UNUSED_NAME);
    }

    @Test
    void every_transact_write_action_refuses_unused_placeholders() {
        assertTransactWrite(TransactWriteItem.builder().put(Put.builder().tableName("items").item(item())
                .conditionExpression("attribute_not_exists(#a)").expressionAttributeNames(NAMES).build()).build(),
                UNUSED_NAME);
        assertTransactWrite(TransactWriteItem.builder().update(Update.builder().tableName("items").key(itemKey())
                .updateExpression("SET a = :v").expressionAttributeValues(VALUES).build()).build(), UNUSED_VALUE);
        assertTransactWrite(TransactWriteItem.builder().delete(Delete.builder().tableName("items").key(itemKey())
                .conditionExpression("attribute_exists(#a)").expressionAttributeNames(NAMES).build()).build(),
                UNUSED_NAME);
        assertTransactWrite(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("items")
                .key(itemKey()).conditionExpression("a = :v").expressionAttributeValues(VALUES).build()).build(),
                UNUSED_VALUE);
    }

    @Test
    void several_unused_keys_are_listed_together() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(item())
                .conditionExpression("attribute_not_exists(#a)")
                .expressionAttributeNames(Map.of("#a", "a", "#b", "b", "#c", "c"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
    }

    @Test
    void placeholders_without_any_expression_are_refused() {
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("items").key(itemKey())
                .expressionAttributeNames(Map.of("#a", "a"))),
                "ExpressionAttributeNames can only be specified when using expressions");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(item())
                .expressionAttributeValues(Map.of(":v", s("x")))),
                "ExpressionAttributeValues can only be specified when using expressions");
    }

    private static void assertTransactWrite(TransactWriteItem action, String message) {
        assertValidation(() -> support.dynamo.transactWriteItems(b -> b.transactItems(action)), message);
    }
}
