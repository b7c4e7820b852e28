package dev.simstack.core.internal.services.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PartiQL parser alone: what it reads, and AWS's words for what it refuses. */
class PartiqlParserTest {

    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    private static PartiqlStatement parse(String text, AttributeValue... parameters) {
        return PartiqlParser.parse(text, List.of(parameters));
    }

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static AttributeMap item(Map<String, AttributeValue> values) {
        return AttributeMap.of(values);
    }

    @Test
    void keywords_are_case_insensitive_and_comments_and_a_final_semicolon_are_allowed() {
        PartiqlStatement statement = parse("select \"a\", b.c[2] -- the columns\n from \"t\".\"i\" /* an index */ "
                + "where a = 1;");

        assertThat(statement).isInstanceOfSatisfying(PartiqlStatement.Select.class, select -> {
            assertThat(select.table()).isEqualTo("t");
            assertThat(select.index()).isEqualTo("i");
            assertThat(select.projection()).containsExactly(DocumentPath.of("a"),
                    new DocumentPath(List.of("b", "c", 2)));
        });
    }

    @Test
    void a_where_clause_evaluates_as_the_engines_condition() {
        Condition where = ((PartiqlStatement.Select) parse("SELECT * FROM t WHERE NOT (a < ? OR b IS MISSING) "
                + "AND c IN ['x', 'y'] AND d NOT BETWEEN 1 AND 3 AND e IS NULL", AttributeValue.n(5))).where();

        assertThat(where.test(item(Map.of("a", AttributeValue.n(5), "b", AttributeValue.s("-"), "c",
                AttributeValue.s("y"), "d", AttributeValue.n(4))))).isTrue();
        assertThat(where.test(item(Map.of("a", AttributeValue.n(5), "b", AttributeValue.s("-"), "c",
                AttributeValue.s("y"), "d", AttributeValue.n(2))))).isFalse();
    }

    @Test
    void strings_double_their_quotes_and_names_in_double_quotes_may_be_keywords() {
        PartiqlStatement statement = parse("INSERT INTO t VALUE {'pk': 'it''s', 'select': \"x\"}".replace("\"x\"",
                "'x'"));

        assertThat(((PartiqlStatement.Insert) statement).item().get("pk")).isEqualTo(AttributeValue.s("it's"));
        assertThat(parse("SELECT \"select\" FROM t")).isInstanceOf(PartiqlStatement.Select.class);
    }

    @Test
    void returning_maps_to_update_items_return_values() {
        assertThat(((PartiqlStatement.Update) parse("UPDATE t SET a = 1 WHERE k = 1 RETURNING MODIFIED OLD *"))
                .returnValues()).isEqualTo("UPDATED_OLD");
        assertThat(((PartiqlStatement.Delete) parse("DELETE FROM t WHERE k = 1")).returnValues()).isEqualTo("NONE");
    }

    @Test
    void malformed_statements_are_refused_in_aws_words() {
        refused("SELECT * FROM", NOT_WELL_FORMED + "Unexpected term");
        refused("SELECT * FROM t WHERE IS NULL", NOT_WELL_FORMED + "Unexpected operator");
        refused("SELECT * FROM t WHERE pk = 1)", NOT_WELL_FORMED + "Unexpected token after expression");
        refused("DELETE FROM t WHERE pk = 1 ORDER BY pk", NOT_WELL_FORMED + "Unexpected token after expression");
        refused("SELECT * FROM t WHERE pk = 1 /* open", NOT_WELL_FORMED);
        refused("SELECT * FROM t WHERE pk = 1e2147483648", NOT_WELL_FORMED);
        refused("SELECT * FROM t WHERE a = 1 AND x IS FOO", NOT_WELL_FORMED + "Expected type name");
        refused("UPDATE t u SET a = 3 WHERE pk = 'x'", "Aliasing is not supported");
        refused("INSERT INTO t VALUE {'pk': 1, 'l': [1, 1e126]}", "Number overflow. Attempting to store a number "
                + "with magnitude larger than supported range under root.l[1]");
        refused("INSERT INTO t VALUE {'pk': 1, 'pk': 2}", "Duplicate keys in tuple. Key: pk under root");
        refused("INSERT INTO t VALUE {'pk': 1} RETURNING ALL OLD *", "RETURNING is not supported in INSERT");
        refused("SELECT *, a FROM t", "Other attributes should not be present in the projection when '*' is used.");
        refused("SELECT * FROM t WHERE nope(a)", "Unrecognized function: nope");
        refused("SELECT * FROM t WHERE a = <<1, 'x'>>",
                "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
        refused("UPSERT INTO t VALUE {'pk': 1}", "SimStack's engine does not support UPSERT statements in PartiQL "
                + "statements (see docs/compatibility.md)");
    }

    @Test
    void a_write_must_pin_every_key_attribute_once() {
        var keys = new dev.simstack.core.internal.services.dynamodb.table.KeySchema("pk",
                AttributeValue.Type.S, "sk", AttributeValue.Type.N);
        Condition where = ((PartiqlStatement.Delete) parse("DELETE FROM t WHERE sk = 1 AND pk = 'a' AND x > 2"))
                .where();

        PartiqlKeys.KeyedWhere keyed = PartiqlKeys.fullKey(where, keys);

        assertThat(keyed.key().get("pk")).isEqualTo(AttributeValue.s("a"));
        assertThat(keyed.rest()).isInstanceOf(Condition.Compare.class);
        assertThatThrownBy(() -> PartiqlKeys.fullKey(((PartiqlStatement.Delete) parse("DELETE FROM t WHERE pk = 'a' "
                + "AND pk = 'b' AND sk = 1")).where(), keys)).hasMessage("Multiple conditions on same key pk. Only "
                + "single item Update/Insert/Delete are supported");
    }
}
