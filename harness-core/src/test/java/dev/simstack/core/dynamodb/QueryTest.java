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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.compositeTable("events");
        for (int i = 1; i <= 10; i++) {
            int sk = i;
            support.dynamo.putItem(b -> b.tableName("events").item(item("pk", "user#1", "sk", sk, "kind",
                    sk % 2 == 0 ? "even" : "odd")));
        }
        support.dynamo.putItem(b -> b.tableName("events").item(item("pk", "user#2", "sk", 1)));
        support.dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("status", ScalarAttributeType.S), def("total", ScalarAttributeType.N))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(hash("status"), range("total"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
                        .keySchema(hash("pk"), range("total"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c1", "sk", "o1", "status", "OPEN",
                "total", 30, "note", "a")));
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c1", "sk", "o2", "status", "OPEN",
                "total", 10, "note", "b")));
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c2", "sk", "o3", "status", "SHIPPED",
                "total", 20)));
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c2", "sk", "o4", "total", 5)));
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static List<String> sortKeys(QueryResponse response, String attribute) {
        List<String> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            AttributeValue value = item.get(attribute);
            keys.add(value.n() != null ? value.n() : value.s());
        }
        return keys;
    }

    @Test
    void query_returns_the_partition_in_sort_key_order() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events")
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("user#1"))));

        assertThat(sortKeys(response, "sk")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(response.count()).isEqualTo(10);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void scan_index_forward_false_reverses_the_order() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events").scanIndexForward(false)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":pk", s("user#1"), ":lo", n(3), ":hi", n(6))));

        assertThat(sortKeys(response, "sk")).containsExactly("6", "5", "4", "3");
    }

    @Test
    void sort_key_conditions_select_ranges() {
        assertThat(sortKeys(query("sk < :v", 3), "sk")).containsExactly("1", "2");
        assertThat(sortKeys(query("sk <= :v", 3), "sk")).containsExactly("1", "2", "3");
        assertThat(sortKeys(query("sk > :v", 8), "sk")).containsExactly("9", "10");
        assertThat(sortKeys(query("sk >= :v", 8), "sk")).containsExactly("8", "9", "10");
        assertThat(sortKeys(query("sk = :v", 4), "sk")).containsExactly("4");
    }

    private static QueryResponse query(String sortCondition, int value) {
        return support.dynamo.query(b -> b.tableName("events").keyConditionExpression("pk = :pk AND " + sortCondition)
                .expressionAttributeValues(Map.of(":pk", s("user#1"), ":v", n(value))));
    }

    @Test
    void limit_and_exclusive_start_key_page_through_a_partition() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = support.dynamo.query(b -> b.tableName("events").limit(3)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("user#1")))
                    .exclusiveStartKey(from));
            seen.addAll(sortKeys(page, "sk"));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void a_start_key_past_the_range_gives_an_empty_page() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events")
                .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":pk", s("user#1"), ":lo", n(2), ":hi", n(4)))
                .exclusiveStartKey(Map.of("pk", s("user#1"), "sk", n(9))));

        assertThat(response.count()).isZero();
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void filter_applies_after_the_limit_and_counts_scanned_items() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events").limit(4)
                .keyConditionExpression("pk = :pk").filterExpression("kind = :k")
                .expressionAttributeValues(Map.of(":pk", s("user#1"), ":k", s("even"))));

        assertThat(sortKeys(response, "sk")).containsExactly("2", "4");
        assertThat(response.scannedCount()).isEqualTo(4);
        assertThat(response.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("user#1"), "sk", n(4)));
    }

    @Test
    void select_count_returns_no_items() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events").select(Select.COUNT)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("user#1"))));

        assertThat(response.count()).isEqualTo(10);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void query_on_a_global_index_returns_projected_attributes_in_index_order() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))));

        assertThat(response.items()).containsExactly(
                item("pk", "c1", "sk", "o2", "status", "OPEN", "total", 10),
                item("pk", "c1", "sk", "o1", "status", "OPEN", "total", 30));
    }

    @Test
    void an_index_follows_updates_deletes_and_missing_keys() {
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c9", "sk", "o9", "status", "OPEN",
                "total", 99)));
        support.dynamo.updateItem(b -> b.tableName("orders").key(item("pk", "c9", "sk", "o9"))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("CLOSED"))));
        support.dynamo.putItem(b -> b.tableName("orders").item(item("pk", "c9", "sk", "o10", "status", "CLOSED",
                "total", 1)));
        support.dynamo.updateItem(b -> b.tableName("orders").key(item("pk", "c9", "sk", "o10"))
                .updateExpression("REMOVE #s").expressionAttributeNames(Map.of("#s", "status")));

        assertThat(statusQuery("OPEN")).extracting(i -> i.get("sk").s()).doesNotContain("o9");
        assertThat(statusQuery("CLOSED")).extracting(i -> i.get("sk").s()).containsExactly("o9");
        support.dynamo.deleteItem(b -> b.tableName("orders").key(item("pk", "c9", "sk", "o9")));
        assertThat(statusQuery("CLOSED")).isEmpty();
    }

    private static List<Map<String, AttributeValue>> statusQuery(String status) {
        return support.dynamo.query(b -> b.tableName("orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(status)))).items();
    }

    @Test
    void query_on_a_local_index_with_all_projection() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("orders").indexName("byTotal")
                .keyConditionExpression("pk = :pk AND #t > :t").expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":pk", s("c2"), ":t", n(1))));

        assertThat(sortKeys(response, "total")).containsExactly("5", "20");
        assertThat(response.items().get(1)).containsEntry("status", s("SHIPPED"));
    }

    @Test
    void index_pagination_carries_the_index_and_table_keys() {
        QueryResponse first = support.dynamo.query(b -> b.tableName("orders").indexName("byStatus").limit(1)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))));
        QueryResponse second = support.dynamo.query(b -> b.tableName("orders").indexName("byStatus").limit(1)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))).exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", "c1", "sk", "o2", "status", "OPEN", "total", 10));
        assertThat(sortKeys(second, "sk")).containsExactly("o1");
    }

    @Test
    void begins_with_selects_string_sort_keys_by_prefix() {
        support.compositeTable("prefixed", ScalarAttributeType.S);
        for (String sk : List.of("a#1", "a#2", "ab", "b#1", "a")) {
            support.dynamo.putItem(b -> b.tableName("prefixed").item(item("pk", "p", "sk", sk)));
        }

        QueryResponse forward = support.dynamo.query(b -> b.tableName("prefixed")
                .keyConditionExpression("pk = :p AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":prefix", s("a#"))));
        QueryResponse backward = support.dynamo.query(b -> b.tableName("prefixed").scanIndexForward(false)
                .keyConditionExpression("pk = :p AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":prefix", s("a#"))));

        assertThat(sortKeys(forward, "sk")).containsExactly("a#1", "a#2");
        assertThat(sortKeys(backward, "sk")).containsExactly("a#2", "a#1");
    }

    @Test
    void string_sort_keys_order_by_utf8_bytes_and_binary_keys_unsigned() {
        support.compositeTable("utf8", ScalarAttributeType.S);
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...), unlike UTF-16 order
        for (String sk : List.of("\uD83D\uDE00", "\uFF5E", "Z", "a")) {
            support.dynamo.putItem(b -> b.tableName("utf8").item(item("pk", "p", "sk", sk)));
        }
        support.compositeTable("bytes", ScalarAttributeType.B);
        for (int first : new int[] {0x80, 0x01, 0xFF}) {
            support.dynamo.putItem(b -> b.tableName("bytes").item(Map.of("pk", s("p"),
                    "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) first})))));
        }

        QueryResponse strings = support.dynamo.query(b -> b.tableName("utf8").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));
        QueryResponse binaries = support.dynamo.query(b -> b.tableName("bytes").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));

        assertThat(sortKeys(strings, "sk")).containsExactly("Z", "a", "\uFF5E", "\uD83D\uDE00");
        assertThat(binaries.items()).extracting(i -> i.get("sk").b().asByteArray()[0] & 0xFF)
                .containsExactly(0x01, 0x80, 0xFF);
    }

    @Test
    void consumed_capacity_is_reported_when_asked() {
        QueryResponse response = support.dynamo.query(b -> b.tableName("events")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("user#1"))));

        assertThat(response.consumedCapacity().tableName()).isEqualTo("events");
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void a_filter_may_not_name_a_key_attribute() {
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("events").keyConditionExpression("pk = :pk")
                .filterExpression("sk > :v").expressionAttributeValues(Map.of(":pk", s("user#1"), ":v", n(1)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: Primary key "
                        + "attribute: sk");
    }

    @Test
    void all_attributes_from_a_keys_only_global_index_is_refused() {
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("orders").indexName("byStatus")
                .select(Select.ALL_ATTRIBUTES).keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                        + "supported for global secondary index byStatus because its projection type is not ALL");
    }

    @Test
    void key_condition_mistakes_get_aws_messages() {
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("events").keyConditionExpression("sk = :v")
                .expressionAttributeValues(Map.of(":v", n(1)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("events")
                .keyConditionExpression("pk = :p OR sk = :v")
                .expressionAttributeValues(Map.of(":p", s("x"), ":v", n(1)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", n(1)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Condition parameter type does not "
                        + "match schema type");
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("orders").indexName("nope")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The table does not have the specified index: nope");
        assertThatThrownBy(() -> support.dynamo.query(b -> b.tableName("orders").indexName("byStatus")
                .consistentRead(true).keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
    }
}
