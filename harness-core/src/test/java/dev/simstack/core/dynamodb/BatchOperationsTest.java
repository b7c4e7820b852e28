package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchOperationsTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("left");
        support.hashTable("right");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static WriteRequest put(String id) {
        return WriteRequest.builder().putRequest(p -> p.item(item("id", id, "v", 1))).build();
    }

    private static WriteRequest delete(String id) {
        return WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s(id)))).build();
    }

    @Test
    void batch_write_puts_and_deletes_across_tables() {
        support.dynamo.putItem(b -> b.tableName("right").item(item("id", "gone")));

        BatchWriteItemResponse response = support.dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                "left", List.of(put("l1"), put("l2")), "right", List.of(put("r1"), delete("gone"))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(response.consumedCapacity()).hasSize(2);
        BatchGetItemResponse read = support.dynamo.batchGetItem(b -> b.requestItems(Map.of(
                "left", KeysAndAttributes.builder().keys(Map.of("id", s("l1")), Map.of("id", s("l2"))).build(),
                "right", KeysAndAttributes.builder().keys(Map.of("id", s("r1")), Map.of("id", s("gone"))).build())));
        assertThat(read.responses().get("left")).hasSize(2);
        assertThat(read.responses().get("right")).containsExactly(item("id", "r1", "v", 1));
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void batch_get_with_projection() {
        support.dynamo.putItem(b -> b.tableName("left").item(item("id", "p", "a", 1, "b", 2)));

        BatchGetItemResponse read = support.dynamo.batchGetItem(b -> b.requestItems(Map.of("left",
                KeysAndAttributes.builder().keys(Map.of("id", s("p"))).projectionExpression("a").build())));

        assertThat(read.responses().get("left")).containsExactly(Map.of("a", DynamoDbTestSupport.n(1)));
    }

    @Test
    void batch_write_of_more_than_25_is_refused() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(put("many-" + i));
        }
        assertThatThrownBy(() -> support.dynamo.batchWriteItem(b -> b.requestItems(Map.of("left", writes))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value at "
                        + "'RequestItems.left.member' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 25");
    }

    @Test
    void batch_get_of_more_than_100_is_refused() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(Map.of("id", s("k" + i)));
        }
        assertThatThrownBy(() -> support.dynamo.batchGetItem(b -> b.requestItems(Map.of("left",
                KeysAndAttributes.builder().keys(keys).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value at 'RequestItems.left.member.Keys' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 100");
    }

    @Test
    void duplicate_keys_are_refused() {
        assertThatThrownBy(() -> support.dynamo.batchWriteItem(b -> b.requestItems(Map.of("left",
                List.of(put("dup"), delete("dup"))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
        assertThatThrownBy(() -> support.dynamo.batchGetItem(b -> b.requestItems(Map.of("left",
                KeysAndAttributes.builder().keys(Map.of("id", s("d")), Map.of("id", s("d"))).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @Test
    void an_invalid_item_rejects_the_whole_batch() {
        assertThatThrownBy(() -> support.dynamo.batchWriteItem(b -> b.requestItems(Map.of("left", List.of(
                put("valid-one"), WriteRequest.builder().putRequest(p -> p.item(item("other", "x"))).build())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");

        assertThat(support.dynamo.getItem(b -> b.tableName("left").key(Map.of("id", s("valid-one")))).hasItem())
                .isFalse();
    }

    @Test
    void batch_get_over_16_mb_returns_the_rest_as_unprocessed_keys() {
        String payload = "y".repeat(390 * 1024);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            int n = i;
            support.dynamo.putItem(b -> b.tableName("right").item(item("id", "huge-" + n, "p", payload)));
            keys.add(Map.of("id", s("huge-" + i)));
        }

        BatchGetItemResponse read = support.dynamo.batchGetItem(b -> b.requestItems(Map.of("right",
                KeysAndAttributes.builder().keys(keys).build())));

        int returned = read.responses().get("right").size();
        assertThat(returned).isLessThan(45);
        assertThat(read.unprocessedKeys().get("right").keys()).hasSize(45 - returned);
    }
}
