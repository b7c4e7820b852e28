package dev.simstack.core.dynamodb.validation;

import static dev.simstack.core.dynamodb.validation.ValidationSupport.assertValidation;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.itemKey;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Empty sets, empty expressions, empty placeholder maps and empty or oversized key values, as AWS answers them. */
class EmptyValuesTest {

    private static ValidationSupport support;

    @BeforeAll
    static void start() {
        support = ValidationSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static Map<String, AttributeValue> itemWith(String name, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(itemKey());
        item.put(name, value);
        return item;
    }

    @Test
    void an_item_may_not_hold_an_empty_set() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(itemWith("tags", AttributeValue.fromSs(List.of())))),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(itemWith("scores", AttributeValue.fromNs(List.of())))),
                "One or more parameter values were invalid: An number set  may not be empty");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(itemWith("blobs", AttributeValue.fromBs(List.<SdkBytes>of())))),
                "One or more parameter values were invalid: Binary sets should not be empty");
    }

    @Test
    void an_expression_value_may_not_be_an_empty_set() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("ADD tags :v").expressionAttributeValues(Map.of(":v",
                        AttributeValue.fromSs(List.of())))),
                "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                        + "An string set  may not be empty for key :v");
    }

    @Test
    void empty_placeholder_maps_are_refused() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("SET a = b").expressionAttributeValues(Map.of())),
                "ExpressionAttributeValues must not be empty");
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("SET a = b").expressionAttributeNames(Map.of())),
                "ExpressionAttributeNames must not be empty");
    }

    @Test
    void every_kind_of_expression_may_not_be_empty() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("items").key(itemKey())
                .updateExpression("")), "Invalid UpdateExpression: The expression can not be empty;");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(itemKey())
                .conditionExpression("")), "Invalid ConditionExpression: The expression can not be empty;");
        assertValidation(() -> support.dynamo.scan(b -> b.tableName("items").filterExpression("")),
                "Invalid FilterExpression: The expression can not be empty;");
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("items").key(itemKey())
                .projectionExpression("")), "Invalid ProjectionExpression: The expression can not be empty;");
        assertValidation(() -> support.dynamo.query(b -> b.tableName("items").keyConditionExpression("")),
                "Invalid KeyConditionExpression: The expression can not be empty;");
    }

    @Test
    void a_key_may_not_hold_an_empty_string() {
        Map<String, AttributeValue> key = Map.of("pk", s(""), "sk", s("s"));
        String message = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                + "contain an empty string value. Key: pk";
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("items").key(key)), message);
        assertValidation(() -> support.dynamo.deleteItem(b -> b.tableName("items").key(key)), message);
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(key)), message);
    }

    @Test
    void an_index_key_written_may_not_hold_an_empty_string() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items").item(itemWith("g", s("")))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not "
                        + "supported. The AttributeValue for a key attribute cannot contain an empty string value. "
                        + "IndexName: by_g, IndexKey: g");
    }

    @Test
    void a_partition_key_is_at_most_2048_bytes_and_a_sort_key_1024() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(Map.of("pk", s("p".repeat(2049)), "sk", s("s")))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit "
                        + "of2048 bytes");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(Map.of("pk", s("p"), "sk", s("s".repeat(1025))))),
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size "
                        + "limit of 1024 bytes");
        support.dynamo.putItem(b -> b.tableName("items").item(Map.of("pk", s("p".repeat(2048)),
                "sk", s("s".repeat(1024)))));
    }
}
