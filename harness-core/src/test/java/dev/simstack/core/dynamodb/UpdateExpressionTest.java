package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class UpdateExpressionTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("docs");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @BeforeEach
    void resetDocument() {
        support.dynamo.putItem(b -> b.tableName("docs").item(Map.of("id", s("d"), "count", n(5),
                "letters", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"), s("d"))),
                "obj", AttributeValue.fromM(Map.of("x", n(1), "nested", AttributeValue.fromM(Map.of("y", n(2))))),
                "tags", AttributeValue.fromSs(List.of("red", "blue")),
                "nums", AttributeValue.fromNs(List.of("1", "2")))));
    }

    private static Map<String, AttributeValue> update(String expression, Map<String, AttributeValue> values) {
        support.dynamo.updateItem(b -> b.tableName("docs").key(Map.of("id", s("d"))).updateExpression(expression)
                .expressionAttributeNames(expression.contains("#c") ? Map.of("#c", "count") : null)
                .expressionAttributeValues(values.isEmpty() ? null : values));
        return support.dynamo.getItem(b -> b.tableName("docs").key(Map.of("id", s("d")))).item();
    }

    @Test
    void set_with_arithmetic() {
        assertThat(update("SET #c = #c + :n", Map.of(":n", n(3))).get("count")).isEqualTo(n(8));
        assertThat(update("SET #c = #c - :n", Map.of(":n", n("0.5"))).get("count")).isEqualTo(n("7.5"));
    }

    @Test
    void set_nested_paths_and_list_elements() {
        Map<String, AttributeValue> after = update("SET obj.nested.y = :v, letters[1] = :v, obj.z = :v",
                Map.of(":v", s("new")));

        assertThat(after.get("obj").m().get("nested").m().get("y")).isEqualTo(s("new"));
        assertThat(after.get("obj").m().get("z")).isEqualTo(s("new"));
        assertThat(after.get("letters").l()).containsExactly(s("a"), s("new"), s("c"), s("d"));
    }

    @Test
    void set_past_the_end_of_a_list_appends() {
        assertThat(update("SET letters[10] = :v", Map.of(":v", s("e"))).get("letters").l())
                .containsExactly(s("a"), s("b"), s("c"), s("d"), s("e"));
    }

    @Test
    void list_append_and_if_not_exists() {
        Map<String, AttributeValue> after = update("SET letters = list_append(:front, letters), fresh = if_not_exists(fresh, "
                + ":zero), #c = if_not_exists(#c, :zero)", Map.of(":front", AttributeValue.fromL(List.of(s("z"))),
                ":zero", n(0)));

        assertThat(after.get("letters").l()).containsExactly(s("z"), s("a"), s("b"), s("c"), s("d"));
        assertThat(after.get("fresh")).isEqualTo(n(0));
        assertThat(after.get("count")).isEqualTo(n(5));
    }

    @Test
    void remove_list_elements_by_their_original_indexes() {
        Map<String, AttributeValue> after = update("REMOVE letters[0], letters[2], obj.x", Map.of());

        assertThat(after.get("letters").l()).containsExactly(s("b"), s("d"));
        assertThat(after.get("obj").m()).doesNotContainKey("x");
    }

    @Test
    void add_to_numbers_and_sets() {
        Map<String, AttributeValue> after = update("ADD #c :one, tags :green, nums :three, brand_new :one",
                Map.of(":one", n(1), ":green", AttributeValue.fromSs(List.of("green", "red")),
                        ":three", AttributeValue.fromNs(List.of("3"))));

        assertThat(after.get("count")).isEqualTo(n(6));
        assertThat(after.get("tags").ss()).containsExactlyInAnyOrder("red", "blue", "green");
        assertThat(after.get("nums").ns()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(after.get("brand_new")).isEqualTo(n(1));
    }

    @Test
    void delete_from_sets_removes_the_attribute_when_empty() {
        Map<String, AttributeValue> after = update("DELETE tags :red, nums :both",
                Map.of(":red", AttributeValue.fromSs(List.of("red")),
                        ":both", AttributeValue.fromNs(List.of("1", "2"))));

        assertThat(after.get("tags").ss()).containsExactly("blue");
        assertThat(after).doesNotContainKey("nums");
    }

    @Test
    void all_clauses_in_any_order() {
        Map<String, AttributeValue> after = update("REMOVE obj ADD #c :one SET fresh = :one DELETE tags :red",
                Map.of(":one", n(1), ":red", AttributeValue.fromSs(List.of("red"))));

        assertThat(after).doesNotContainKey("obj").containsEntry("count", n(6)).containsEntry("fresh", n(1));
    }

    @Test
    void arithmetic_on_a_string_is_an_incorrect_operand_type() {
        assertThatThrownBy(() -> update("SET letters = letters + :one", Map.of(":one", n(1))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("An operand in the update expression has an incorrect data type");
    }

    @Test
    void an_operand_naming_a_missing_attribute() {
        assertThatThrownBy(() -> update("SET x = absent + :one", Map.of(":one", n(1))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void a_path_through_a_missing_map() {
        assertThatThrownBy(() -> update("SET nowhere.deep = :one", Map.of(":one", n(1))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The document path provided in the update expression is invalid for update");
    }
}
