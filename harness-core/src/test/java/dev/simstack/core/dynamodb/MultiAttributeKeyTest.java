package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.range;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute keys of global secondary indexes: up to four HASH attributes make the partition key, up to
 * four RANGE attributes the sort key, ordered left to right; Query pins every HASH attribute and constrains the
 * RANGE attributes as a prefix.
 */
class MultiAttributeKeyTest {

    private DynamoDbTestSupport support;

    @BeforeEach
    void start() {
        support = DynamoDbTestSupport.start();
    }

    @AfterEach
    void stop() {
        support.close();
    }

    /** Table "matches" (key id) with GSI "byBracket": HASH tournament, area; RANGE round (N), bracket. */
    private void matches(ProjectionType projection) {
        support.dynamo.createTable(b -> b.tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("tournament", ScalarAttributeType.S),
                        def("area", ScalarAttributeType.S), def("round", ScalarAttributeType.N),
                        def("bracket", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byBracket")
                        .keySchema(hash("tournament"), hash("area"), range("round"), range("bracket"))
                        .projection(p -> p.projectionType(projection)).build()));
    }

    private void put(String id, String tournament, String area, long round, String bracket) {
        support.dynamo.putItem(b -> b.tableName("matches").item(item("id", id, "tournament", tournament,
                "area", area, "round", round, "bracket", bracket, "score", 10)));
    }

    private void sixMatches() {
        put("m1", "winter", "eu", 2, "upper");
        put("m2", "winter", "eu", 1, "lower");
        put("m3", "winter", "eu", 1, "upper");
        put("m4", "winter", "na", 1, "upper");
        put("m5", "summer", "eu", 1, "upper");
        put("m6", "winter", "eu", 10, "final");
    }

    private QueryResponse query(String condition, Map<String, AttributeValue> values) {
        return support.dynamo.query(b -> b.tableName("matches").indexName("byBracket")
                .keyConditionExpression(condition).expressionAttributeValues(values));
    }

    private static List<String> ids(QueryResponse response) {
        return response.items().stream().map(i -> i.get("id").s()).toList();
    }

    @Test
    void describe_table_answers_the_multi_attribute_key_schema_as_given() {
        matches(ProjectionType.ALL);

        List<KeySchemaElement> schema = support.dynamo.describeTable(b -> b.tableName("matches")).table()
                .globalSecondaryIndexes().get(0).keySchema();

        assertThat(schema).extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tournament", KeyType.HASH),
                org.assertj.core.groups.Tuple.tuple("area", KeyType.HASH),
                org.assertj.core.groups.Tuple.tuple("round", KeyType.RANGE),
                org.assertj.core.groups.Tuple.tuple("bracket", KeyType.RANGE));
    }

    @Test
    void query_reads_the_partition_of_every_hash_attribute_ordered_by_the_sort_attributes_left_to_right() {
        matches(ProjectionType.ALL);
        sixMatches();

        QueryResponse forward = query("tournament = :t AND area = :r", Map.of(":t", s("winter"), ":r", s("eu")));
        QueryResponse backward = support.dynamo.query(b -> b.tableName("matches").indexName("byBracket")
                .keyConditionExpression("tournament = :t AND area = :r").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":t", s("winter"), ":r", s("eu"))));

        assertThat(ids(forward)).containsExactly("m2", "m3", "m1", "m6");
        assertThat(ids(backward)).containsExactly("m6", "m1", "m3", "m2");
    }

    @Test
    void query_takes_equality_on_a_sort_prefix_then_one_range_condition_on_the_next_attribute() {
        matches(ProjectionType.ALL);
        sixMatches();
        Map<String, AttributeValue> partition = Map.of(":t", s("winter"), ":r", s("eu"));

        QueryResponse roundOne = query("tournament = :t AND area = :r AND round = :n",
                with(partition, ":n", n(1)));
        QueryResponse upperOfRoundOne = query("tournament = :t AND area = :r AND round = :n AND bracket = :b",
                with(with(partition, ":n", n(1)), ":b", s("upper")));
        QueryResponse prefixed = query("tournament = :t AND area = :r AND round = :n AND begins_with(bracket, :p)",
                with(with(partition, ":n", n(1)), ":p", s("lo")));
        QueryResponse later = query("tournament = :t AND area = :r AND round > :n", with(partition, ":n", n(1)));

        assertThat(ids(roundOne)).containsExactly("m2", "m3");
        assertThat(ids(upperOfRoundOne)).containsExactly("m3");
        assertThat(ids(prefixed)).containsExactly("m2");
        assertThat(ids(later)).containsExactly("m1", "m6");
    }

    @Test
    void query_must_give_equality_on_every_partition_attribute() {
        matches(ProjectionType.ALL);

        refused(() -> query("tournament = :t", Map.of(":t", s("winter"))),
                "Query condition missed key schema element: area");
        refused(() -> query("tournament = :t AND area > :r", Map.of(":t", s("winter"), ":r", s("eu"))),
                "Query key condition not supported");
    }

    @Test
    void query_refuses_sort_conditions_that_skip_an_attribute_or_range_before_the_last() {
        matches(ProjectionType.ALL);
        Map<String, AttributeValue> partition = Map.of(":t", s("winter"), ":r", s("eu"));

        refused(() -> query("tournament = :t AND area = :r AND bracket = :b", with(partition, ":b", s("upper"))),
                "Invalid KeyConditionExpression: a condition on sort key attribute bracket needs an equality "
                        + "condition on every sort key attribute before it; missing: round");
        refused(() -> query("tournament = :t AND area = :r AND round > :n AND bracket = :b",
                with(with(partition, ":n", n(1)), ":b", s("upper"))),
                "Invalid KeyConditionExpression: only the last sort key attribute constrained may use a range "
                        + "condition; round is followed by a condition on bracket, so it needs an equality condition");
    }

    @Test
    void a_partiql_select_on_the_index_reads_the_partition_of_every_hash_attribute_in_sort_order() {
        matches(ProjectionType.ALL);
        sixMatches();

        List<Map<String, AttributeValue>> items = support.dynamo.executeStatement(b -> b.statement(
                "SELECT id FROM \"matches\".\"byBracket\" WHERE tournament = ? AND area = ? AND round >= ?")
                .parameters(s("winter"), s("eu"), n(2))).items();

        assertThat(items).extracting(i -> i.get("id").s()).containsExactly("m1", "m6");
    }

    @Test
    void an_item_missing_any_key_attribute_of_the_index_is_not_in_it() {
        matches(ProjectionType.ALL);
        put("m1", "winter", "eu", 1, "upper");
        support.dynamo.putItem(b -> b.tableName("matches").item(item("id", "m2", "tournament", "winter",
                "area", "eu", "round", 1)));
        support.dynamo.putItem(b -> b.tableName("matches").item(item("id", "m3", "tournament", "winter",
                "round", 1, "bracket", "upper")));

        assertThat(support.dynamo.scan(b -> b.tableName("matches").indexName("byBracket")).items())
                .extracting(i -> i.get("id").s()).containsExactly("m1");
        assertThat(support.dynamo.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes()
                .get(0).itemCount()).isEqualTo(1L);
    }

    @Test
    void pages_carry_every_key_attribute_of_the_index_and_the_table_and_resume_where_they_ended() {
        matches(ProjectionType.KEYS_ONLY);
        sixMatches();
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        List<Map<String, AttributeValue>> lastKeys = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = support.dynamo.query(b -> b.tableName("matches").indexName("byBracket")
                    .keyConditionExpression("tournament = :t AND area = :r").limit(3).exclusiveStartKey(from)
                    .expressionAttributeValues(Map.of(":t", s("winter"), ":r", s("eu"))));
            seen.addAll(ids(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                lastKeys.add(start);
            }
        } while (start != null);

        assertThat(seen).containsExactly("m2", "m3", "m1", "m6");
        assertThat(lastKeys.get(0)).containsOnlyKeys("id", "tournament", "area", "round", "bracket");
        assertThat(support.dynamo.query(b -> b.tableName("matches").indexName("byBracket")
                .keyConditionExpression("tournament = :t AND area = :r").limit(1)
                .expressionAttributeValues(Map.of(":t", s("winter"), ":r", s("eu")))).items().get(0))
                .containsOnlyKeys("id", "tournament", "area", "round", "bracket");
    }

    @Test
    void a_query_of_the_index_reports_its_capacity_by_the_index() {
        matches(ProjectionType.ALL);
        sixMatches();

        QueryResponse response = support.dynamo.query(b -> b.tableName("matches").indexName("byBracket")
                .keyConditionExpression("tournament = :t AND area = :r")
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .expressionAttributeValues(Map.of(":t", s("winter"), ":r", s("eu"))));

        assertThat(response.consumedCapacity().globalSecondaryIndexes()).containsOnlyKeys("byBracket");
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void update_table_adds_a_multi_attribute_gsi_over_the_items_already_written() {
        support.dynamo.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id")));
        support.dynamo.putItem(b -> b.tableName("events").item(item("id", "e1", "kind", "click", "day", "mon",
                "hour", 9)));
        support.dynamo.putItem(b -> b.tableName("events").item(item("id", "e2", "kind", "click", "day", "mon",
                "hour", 8)));

        support.dynamo.updateTable(b -> b.tableName("events")
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("kind", ScalarAttributeType.S),
                        def("day", ScalarAttributeType.S), def("hour", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byKindTime")
                        .keySchema(hash("kind"), range("day"), range("hour"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));

        QueryResponse response = support.dynamo.query(b -> b.tableName("events").indexName("byKindTime")
                .keyConditionExpression("kind = :k AND #day = :d")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":k", s("click"), ":d", s("mon"))));
        assertThat(response.items()).extracting(i -> i.get("id").s()).containsExactly("e2", "e1");
    }

    @Test
    void create_table_refuses_more_than_four_attributes_in_a_key_and_hash_after_range() {
        refused(() -> support.dynamo.createTable(b -> b.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
                        def("b", ScalarAttributeType.S), def("c", ScalarAttributeType.S),
                        def("d", ScalarAttributeType.S), def("e", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("wide")
                        .keySchema(hash("a"), hash("b"), hash("c"), hash("d"), hash("e"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())),
                "Invalid KeySchema: A global secondary index may have at most 4 HASH key elements, index: wide has 5");
        refused(() -> support.dynamo.createTable(b -> b.tableName("mixed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
                        def("b", ScalarAttributeType.S), def("c", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("mixed")
                        .keySchema(hash("a"), range("b"), hash("c"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())),
                "Invalid KeySchema: HASH key elements must come before RANGE key elements, index: mixed");

        assertThat(support.dynamo.listTables().tableNames()).doesNotContain("wide", "mixed");
    }

    @Test
    void create_table_refuses_an_index_key_attribute_without_a_definition() {
        assertThatThrownBy(() -> support.dynamo.createTable(b -> b.tableName("sales")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("area", ScalarAttributeType.S))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byRegionTier")
                        .keySchema(hash("area"), hash("tier"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("One or more parameter values were invalid: Some index key attributes are not "
                                + "defined in AttributeDefinitions. Keys: [area, tier], AttributeDefinitions: "
                                + "[id, area]"));
    }

    @Test
    void a_write_with_a_mistyped_index_key_attribute_is_refused() {
        matches(ProjectionType.ALL);

        assertThatThrownBy(() -> support.dynamo.putItem(b -> b.tableName("matches").item(item("id", "m1",
                "tournament", "winter", "area", "eu", "round", "one", "bracket", "upper"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key round "
                                + "Expected: N Actual: S IndexName: byBracket"));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name,
            AttributeValue value) {
        Map<String, AttributeValue> copy = new java.util.HashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
