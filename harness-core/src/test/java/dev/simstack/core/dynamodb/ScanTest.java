package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class ScanTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("things");
        for (int i = 0; i < 50; i++) {
            int value = i;
            support.dynamo.putItem(b -> b.tableName("things").item(item("id", "thing-" + value, "value", value)));
        }
        support.hashTable("big");
        String payload = "x".repeat(300 * 1024);
        for (int i = 0; i < 8; i++) {
            int value = i;
            support.dynamo.putItem(b -> b.tableName("big").item(item("id", "big-" + value, "payload", payload)));
        }
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static Set<String> ids(List<Map<String, AttributeValue>> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.get("id").s()));
        return ids;
    }

    @Test
    void scan_pages_through_every_item_exactly_once() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = support.dynamo.scan(b -> b.tableName("things").limit(7).exclusiveStartKey(from));
            all.addAll(page.items());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(all).hasSize(50);
        assertThat(ids(all)).hasSize(50);
    }

    @Test
    void the_scan_paginator_sees_every_item() {
        assertThat(support.dynamo.scanPaginator(b -> b.tableName("things").limit(9)).items().stream().count())
                .isEqualTo(50);
    }

    @Test
    void filter_expression_keeps_matching_items_and_counts_scanned_ones() {
        ScanResponse response = support.dynamo.scan(b -> b.tableName("things").filterExpression("#v >= :min")
                .expressionAttributeNames(Map.of("#v", "value")).expressionAttributeValues(Map.of(":min", n(45))));

        assertThat(response.count()).isEqualTo(5);
        assertThat(response.scannedCount()).isEqualTo(50);
    }

    @Test
    void parallel_segments_partition_the_table() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            all.addAll(support.dynamo.scanPaginator(b -> b.tableName("things").segment(current).totalSegments(4))
                    .items().stream().toList());
        }

        assertThat(all).hasSize(50);
        assertThat(ids(all)).hasSize(50);
    }

    @Test
    void a_page_stops_at_one_megabyte() {
        ScanResponse first = support.dynamo.scan(b -> b.tableName("big"));

        assertThat(first.count()).isEqualTo(3);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        assertThat(support.dynamo.scanPaginator(b -> b.tableName("big")).items().stream().count()).isEqualTo(8);
    }

    @Test
    void projection_on_scan() {
        ScanResponse response = support.dynamo.scan(b -> b.tableName("things").projectionExpression("id").limit(1));

        assertThat(response.items().get(0)).containsOnlyKeys("id");
    }

    @Test
    void segment_without_total_segments() {
        assertThatThrownBy(() -> support.dynamo.scan(b -> b.tableName("things").segment(1)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The TotalSegments parameter is required but was not present in the request "
                        + "when parameter Segment is present");
        assertThatThrownBy(() -> support.dynamo.scan(b -> b.tableName("things").segment(4).totalSegments(4)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter "
                        + "TotalSegments: Segment: 4 is not less than TotalSegments: 4");
    }

    @Test
    void scan_of_s_keyed_items_with_a_string_value() {
        assertThat(support.dynamo.getItem(b -> b.tableName("things").key(Map.of("id", s("thing-3")))).item()
                .get("value")).isEqualTo(n(3));
    }
}
