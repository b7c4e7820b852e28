package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.ConditionExpressionParser;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression parsers on their own: precedence, placeholders, and where errors point. */
class ExpressionParserTest {

    private static ExpressionAttributes values(Map<String, AttributeValue> values) {
        return new ExpressionAttributes(Map.of("#n", "name"), values);
    }

    private static Condition condition(String text) {
        return ConditionExpressionParser.parse("ConditionExpression", text, values(Map.of(":a", AttributeValue.n(1),
                ":b", AttributeValue.n(2))));
    }

    @Test
    void and_binds_tighter_than_or_and_not_tighter_than_and() {
        assertThat(condition("x = :a OR x = :b AND y = :a")).isInstanceOf(Condition.Or.class);
        assertThat(condition("NOT x = :a AND y = :b")).isInstanceOf(Condition.And.class);
        assertThat(condition("(x = :a OR x = :b) AND y = :a")).isInstanceOf(Condition.And.class);
    }

    @Test
    void keywords_are_case_insensitive_and_functions_are_not() {
        assertThat(condition("x between :a and :b")).isInstanceOf(Condition.Between.class);
        assertThatThrownBy(() -> condition("Attribute_Exists(x)")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: Invalid function name; function: Attribute_Exists");
    }

    @Test
    void paths_resolve_names_and_indexes() {
        Condition parsed = condition("attribute_exists(#n.given[3].x)");

        assertThat(((Condition.Exists) parsed).path()).isEqualTo(new DocumentPath(List.of("name", "given", 3, "x")));
    }

    @Test
    void a_syntax_error_quotes_the_token_and_its_neighbours() {
        assertThatThrownBy(() -> condition("x = :a AND AND y = :b")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"AND AND y\"");
        assertThatThrownBy(() -> condition("x == :a")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :a\"");
        assertThatThrownBy(() -> condition("x = :a)")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \")\", near: \":a)\"");
    }

    @Test
    void a_syntax_error_wins_over_an_earlier_undefined_placeholder() {
        assertThatThrownBy(() -> condition("x = :undefined AND")).isInstanceOf(AwsException.class)
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
    }

    @Test
    void between_bounds_must_be_in_order() {
        assertThatThrownBy(() -> condition("x BETWEEN :b AND :a")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater "
                        + "than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound "
                        + "operand: AttributeValue: {N:1}");
    }

    @Test
    void size_is_an_operand_not_a_condition() {
        assertThatThrownBy(() -> condition("size(x)")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: The function is not allowed to be used this way in an "
                        + "expression; function: size");
    }

    @Test
    void a_function_with_the_wrong_number_of_operands() {
        assertThatThrownBy(() -> condition("begins_with(x)")).isInstanceOf(AwsException.class)
                .hasMessage("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: begins_with, number of operands: 1");
    }

    @Test
    void update_actions_apply_set_values_computed_from_the_old_item() {
        ExpressionAttributes attributes = values(Map.of(":a", AttributeValue.n(1)));
        UpdateExpression update = UpdateExpression.parse("SET x = y, y = x ADD z :a", attributes);
        AttributeMap before = AttributeMap.of(Map.of("x", AttributeValue.n(10), "y", AttributeValue.n(20)));

        AttributeMap after = update.apply(before);

        assertThat(after.get("x")).isEqualTo(AttributeValue.n(20));
        assertThat(after.get("y")).isEqualTo(AttributeValue.n(10));
        assertThat(after.get("z")).isEqualTo(AttributeValue.n(1));
    }

    @Test
    void projection_of_list_elements_keeps_index_order() {
        AttributeMap item = AttributeMap.of(Map.of("l", new AttributeValue.L(List.of(AttributeValue.s("a"),
                AttributeValue.s("b"), AttributeValue.s("c")))));

        AttributeMap projected = ProjectionExpression.parse("l[2], l[0]", ExpressionAttributes.none()).apply(item);

        assertThat(projected.get("l")).isEqualTo(new AttributeValue.L(List.of(AttributeValue.s("a"),
                AttributeValue.s("c"))));
    }

    @Test
    void unused_placeholders_are_named_in_order() {
        ExpressionAttributes attributes = new ExpressionAttributes(null, Map.of(":z", AttributeValue.n(1),
                ":a", AttributeValue.n(1), ":used", AttributeValue.n(2)));
        ConditionExpressionParser.parse("ConditionExpression", "x = :used", attributes);

        assertThatThrownBy(attributes::checkAllUsed).isInstanceOf(AwsException.class)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :z}");
    }
}
