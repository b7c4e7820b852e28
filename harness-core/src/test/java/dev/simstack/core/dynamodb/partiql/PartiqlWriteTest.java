package dev.simstack.core.dynamodb.partiql;

import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.assertValidation;
import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.n;
import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.StackConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** PartiQL INSERT, UPDATE and DELETE through ExecuteStatement: the PutItem, UpdateItem and DeleteItem paths. */
class PartiqlWriteTest {

    private static Stack stack;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults());
        dynamo = PartiqlSelectTest.client(stack);
        dynamo.createTable(b -> b.tableName("users").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        stack.close();
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(b -> b.statement(statement)
                .parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static Map<String, AttributeValue> get(String id) {
        return dynamo.getItem(b -> b.tableName("users").key(Map.of("id", s(id)))).item();
    }

    @Test
    void insert_writes_the_item_with_every_literal_type_and_answers_no_items() {
        ExecuteStatementResponse response = run("INSERT INTO users VALUE {'id': ?, 'age': 42, 'ok': true, "
                + "'none': null, 'tags': <<'a', 'b'>>, 'scores': <<1, 2>>, 'list': [1, 'x'], 'map': {'k': -1.50}}",
                s("u1"));

        assertThat(response.items()).isEmpty();
        assertThat(get("u1")).containsEntry("age", n(42)).containsEntry("ok", AttributeValue.fromBool(true))
                .containsEntry("none", AttributeValue.fromNul(true))
                .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("scores", AttributeValue.fromNs(List.of("1", "2")))
                .containsEntry("list", AttributeValue.fromL(List.of(n(1), s("x"))))
                .containsEntry("map", AttributeValue.fromM(Map.of("k", AttributeValue.fromN("-1.5"))));
    }

    @Test
    void insert_of_a_key_that_exists_is_a_duplicate_item() {
        run("INSERT INTO users VALUE {'id': 'u2'}");

        assertThatThrownBy(() -> run("INSERT INTO users VALUE {'id': 'u2', 'x': 1}"))
                .isInstanceOfSatisfying(DuplicateItemException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Duplicate primary key exists in table");
                });
        assertThat(get("u2")).doesNotContainKey("x");
    }

    @Test
    void update_sets_removes_and_computes_and_returns_what_returning_asks_for() {
        run("INSERT INTO users VALUE {'id': 'u3', 'count': 1, 'old': 'x', 'tags': <<'a'>>, 'list': [1]}");

        ExecuteStatementResponse response = run("UPDATE users SET count = count + 2 SET tags = set_add(tags, <<'b'>>)"
                + ", list = list_append(list, [2]) REMOVE old SET nested = {'a': [?]} WHERE id = 'u3' "
                + "RETURNING MODIFIED NEW *", s("deep"));

        assertThat(get("u3")).containsEntry("count", n(3)).doesNotContainKey("old")
                .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("list", AttributeValue.fromL(List.of(n(1), n(2))));
        assertThat(response.items()).singleElement().satisfies(item -> assertThat(item.keySet())
                .containsExactlyInAnyOrder("count", "tags", "list", "nested"));
        assertThat(run("UPDATE users SET nested.a[0] = 'x' WHERE id = 'u3' RETURNING ALL OLD *").items().get(0)
                .get("nested")).isEqualTo(AttributeValue.fromM(Map.of("a", AttributeValue.fromL(List.of(
                        s("deep"))))));
    }

    @Test
    void update_of_an_item_that_does_not_exist_fails_its_condition() {
        assertThatThrownBy(() -> run("UPDATE users SET a = 1 WHERE id = 'nobody'"))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed"));
        assertThat(get("nobody")).isEmpty();
    }

    @Test
    void update_with_a_false_condition_beside_the_key_fails_and_can_return_the_old_item() {
        run("INSERT INTO users VALUE {'id': 'u4', 'age': 20}");

        assertThatThrownBy(() -> dynamo.executeStatement(b -> b.statement("UPDATE users SET age = 30 WHERE id = "
                + "'u4' AND age > 25").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.item())
                        .containsEntry("age", n(20)));
        run("UPDATE users SET age = 30 WHERE id = 'u4' AND age < 25");
        assertThat(get("u4")).containsEntry("age", n(30));
    }

    @Test
    void delete_removes_the_item_returns_it_when_asked_and_succeeds_when_there_is_none() {
        run("INSERT INTO users VALUE {'id': 'u5', 'name': 'five'}");

        ExecuteStatementResponse response = run("DELETE FROM users WHERE id = 'u5' RETURNING ALL OLD *");

        assertThat(response.items()).containsExactly(Map.of("id", s("u5"), "name", s("five")));
        assertThat(get("u5")).isEmpty();
        assertThat(run("DELETE FROM users WHERE id = 'u5'").items()).isEmpty();
    }

    @Test
    void writes_reach_the_ledger_and_the_table_stream_as_item_writes() {
        run("INSERT INTO users VALUE {'id': 'streamed'}");
        run("UPDATE users SET v = 1 WHERE id = 'streamed'");
        run("DELETE FROM users WHERE id = 'streamed'");

        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class).stream()
                .filter(w -> w.key().equals("id=streamed")).map(LedgerEntry.ItemWrite::operation).toList())
                .containsExactly("PutItem", "UpdateItem", "DeleteItem");
        String arn = dynamo.describeTable(b -> b.tableName("users")).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(stack.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test"))).build()) {
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0)
                    .shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records().stream()
                    .filter(r -> r.dynamodb().keys().get("id").s().equals("streamed"))
                    .map(r -> r.eventNameAsString()).toList()).containsExactly("INSERT", "MODIFY", "REMOVE");
        }
    }

    @Test
    void writes_must_name_the_whole_key_and_keep_to_what_aws_allows() {
        assertValidation(() -> run("UPDATE users SET a = 1 WHERE a = 2"),
                "Where clause does not contain a mandatory equality on all key attributes");
        assertValidation(() -> run("DELETE FROM users WHERE id = 'a' RETURNING ALL NEW *"),
                "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE "
                        + "statements.");
        assertValidation(() -> run("UPDATE users SET id = 'b' WHERE id = 'a'"),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of "
                        + "the key");
        assertValidation(() -> run("INSERT INTO users VALUE {'name': 'x'}"),
                "Key attribute should be present in the item: Key id");
        assertValidation(() -> run("UPDATE users SET a = 1 WHERE id = 1"),
                "Key attribute's data type should match its data type in table's schema: Key id");
        assertValidation(() -> run("INSERT INTO users VALUE {'id': 'x', 's': <<>>}"), "Empty bags are not supported");
        assertValidation(() -> run("DELETE FROM"),
                "Statement wasn't well formed, can't be processed: Expected identifier for simple path");
    }
}
