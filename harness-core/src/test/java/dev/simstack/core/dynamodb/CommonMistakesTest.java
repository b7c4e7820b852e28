package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The mistakes people make most, answered with AWS's exception classes and messages. */
class CommonMistakesTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("mistakes");
        support.compositeTable("sorted");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void put_without_the_key_attribute() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("name", "x"))),
                "One or more parameter values were invalid: Missing the key id in the item");
    }

    @Test
    void put_with_a_key_of_the_wrong_type() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", n(1)))),
                "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
    }

    @Test
    void put_with_an_empty_string_key() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                        + "an empty string value. Key: id");
    }

    @Test
    void get_with_a_key_that_does_not_match_the_schema() {
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("sorted").key(Map.of("pk", s("a")))),
                "The provided key element does not match the schema");
    }

    @Test
    void update_expression_with_a_syntax_error_names_the_token_and_where() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET a = :v x").expressionAttributeValues(Map.of(":v", n(1)))),
                "Invalid UpdateExpression: Syntax error; token: \"x\", near: \":v x\"");
    }

    @Test
    void condition_with_a_missing_operand_reports_end_of_input() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("a =")),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void an_unused_expression_attribute_value() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("attribute_not_exists(id)").expressionAttributeValues(Map.of(":v", n(1)))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
    }

    @Test
    void an_unused_expression_attribute_name() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("attribute_not_exists(id)").expressionAttributeNames(Map.of("#n", "name"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
    }

    @Test
    void an_undefined_expression_attribute_value() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET a = :missing")),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
                        + "attribute value: :missing");
    }

    @Test
    void an_undefined_expression_attribute_name() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET #a = :v").expressionAttributeValues(Map.of(":v", n(1)))),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
                        + "attribute name: #a");
    }

    @Test
    void a_reserved_word_as_an_attribute_name() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET status = :v").expressionAttributeValues(Map.of(":v", s("done")))),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void updating_a_key_attribute() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET id = :v").expressionAttributeValues(Map.of(":v", s("other")))),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of "
                        + "the key");
    }

    @Test
    void overlapping_update_paths() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET a = :v, a.b = :v").expressionAttributeValues(Map.of(":v", n(1)))),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one "
                        + "of these paths; path one: [a], path two: [a, b]");
    }

    @Test
    void a_clause_used_twice() {
        assertValidation(() -> support.dynamo.updateItem(b -> b.tableName("mistakes").key(Map.of("id", s("k")))
                .updateExpression("SET a = :v SET b = :v").expressionAttributeValues(Map.of(":v", n(1)))),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void an_empty_expression() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression(" ")),
                "Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void an_empty_string_set() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "tags", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                        .ss(java.util.List.of()).build()))),
                "One or more parameter values were invalid: An string set  may not be empty");
    }

    @Test
    void a_set_with_duplicates() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "tags", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(
                        java.util.List.of("a", "a"))))),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }

    @Test
    void an_empty_binary_set_and_a_number_that_is_not_one() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "b", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                        .bs(java.util.List.of()).build()))),
                "One or more parameter values were invalid: Binary sets should not be empty");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "n", n("twelve")))),
                "The parameter cannot be converted to a numeric value");
    }

    @Test
    void redundant_parentheses() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("((attribute_not_exists(id)))")),
                "Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void contains_of_a_path_in_itself() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("contains(#a, #a)").expressionAttributeNames(Map.of("#a", "data"))),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                        + "operator or function; operator: contains, first operand: [data]");
    }

    @Test
    void mixing_a_legacy_parameter_with_its_expression() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .conditionExpression("attribute_not_exists(id)")
                .expected(Map.of("id", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
                        .exists(false).build()))),
                "Can not use both expression and non-expression parameters in the same request: Non-expression "
                        + "parameters: {Expected} Expression parameters: {ConditionExpression}");
    }

    @Test
    void a_number_with_too_many_digits() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "n", n("123456789012345678901234567890123456789")))),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void a_number_out_of_range() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "n", n("1E+126")))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(Map.of("id", s("k"),
                "n", n("1E-131")))),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @Test
    void a_partition_key_over_2048_bytes() {
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k".repeat(2049)))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 "
                        + "bytes");
    }

    @Test
    void an_item_over_400_kb() {
        String big = "x".repeat(400 * 1024);
        assertValidation(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k", "v", big))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void a_missing_table() {
        assertThatThrownBy(() -> support.dynamo.getItem(b -> b.tableName("nope").key(Map.of("id", s("k")))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
        assertThatThrownBy(() -> support.dynamo.describeTable(b -> b.tableName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: nope not found");
    }

    @Test
    void creating_a_table_twice() {
        assertThatThrownBy(() -> support.hashTable("mistakes")).isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: mistakes");
    }

    @Test
    void legacy_parameters_are_refused_clearly() {
        assertThatThrownBy(() -> support.dynamo.putItem(b -> b.tableName("mistakes").item(item("id", "k"))
                .expected(Map.of("id", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
                        .exists(false).build()))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("legacy parameter Expected")
                .hasMessageContaining("ConditionExpression");
    }
}
