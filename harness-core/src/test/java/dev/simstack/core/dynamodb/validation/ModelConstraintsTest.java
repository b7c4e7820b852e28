package dev.simstack.core.dynamodb.validation;

import static dev.simstack.core.dynamodb.validation.ValidationSupport.assertValidation;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.def;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.itemKey;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.key;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The API model's constraints are all checked before anything else and all reported: a count, then
 * each broken constraint, joined with "; ".
 */
class ModelConstraintsTest {

    private static ValidationSupport support;

    @BeforeAll
    static void start() {
        support = ValidationSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void one_broken_constraint_is_one_validation_error() {
        assertValidation(() -> support.dynamo.scan(b -> b.tableName("items").limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
    }

    @Test
    void a_delete_lists_every_broken_member() {
        assertValidation(() -> support.dynamo.deleteItem(b -> b.tableName("abc;").returnConsumedCapacity("hi")
                .returnValues("hi").returnItemCollectionMetrics("hi")),
                "5 validation errors detected: "
                        + "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [INDEXES, TOTAL, NONE]; "
                        + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                        + "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [SIZE, NONE]; "
                        + "Value null at 'key' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void a_short_name_off_the_pattern_breaks_two_constraints() {
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("a;")),
                "3 validation errors detected: "
                        + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 3; "
                        + "Value null at 'key' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void a_scan_lists_its_broken_limit_and_select_together() {
        assertValidation(() -> support.dynamo.scan(b -> b.tableName("items").limit(0).select("count")),
                "2 validation errors detected: "
                        + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or "
                        + "equal to 1; "
                        + "Value 'count' at 'select' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    }

    @Test
    void model_constraints_come_before_the_table_lookup() {
        assertValidation(() -> support.dynamo.query(b -> b.tableName("missing").limit(-1)
                .keyConditionExpression("pk = :k")),
                "1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
    }

    @Test
    void each_transaction_action_is_named_by_its_position_and_kind() {
        assertValidation(() -> support.dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("items").item(itemKey()).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName("bad!name").key(itemKey()).build())
                        .build())),
                "1 validation error detected: Value 'bad!name' at 'transactItems.2.member.delete.tableName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertValidation(() -> support.dynamo.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                .get(Get.builder().tableName("bad!name").key(itemKey()).build()).build())),
                "1 validation error detected: Value 'bad!name' at 'transactItems.1.member.get.tableName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void a_create_table_lists_its_broken_name_and_billing_mode_together() {
        assertValidation(() -> support.dynamo.createTable(b -> b.tableName("a;").billingMode("hi")
                .attributeDefinitions(def("id")).keySchema(key("id", KeyType.HASH))),
                "3 validation errors detected: "
                        + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 3; "
                        + "Value 'hi' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [PROVISIONED, PAY_PER_REQUEST]");
    }
}
