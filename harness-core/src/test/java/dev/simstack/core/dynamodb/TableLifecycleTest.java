package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class TableLifecycleTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void a_new_table_is_active_at_once_and_described_as_created() {
        support.dynamo.createTable(b -> b.tableName("provisioned").attributeDefinitions(def("id", ScalarAttributeType.S))
                .keySchema(hash("id")).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L)));

        TableDescription table = support.dynamo.describeTable(b -> b.tableName("provisioned")).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/provisioned");
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.keySchema()).containsExactly(hash("id"));
        assertThat(table.creationDateTime()).isEqualTo(support.stack.clock().now());
        support.dynamo.waiter().waitUntilTableExists(b -> b.tableName("provisioned"));
    }

    @Test
    void item_count_and_size_follow_writes() {
        support.hashTable("counted");
        support.dynamo.putItem(b -> b.tableName("counted").item(item("id", "a", "v", "1234")));

        TableDescription table = support.dynamo.describeTable(b -> b.tableName("counted")).table();

        assertThat(table.itemCount()).isEqualTo(1L);
        assertThat(table.tableSizeBytes()).isEqualTo(2L + 1 + 1 + 4);
    }

    @Test
    void list_tables_pages_in_name_order() {
        for (String name : List.of("page-c", "page-a", "page-b")) {
            support.hashTable(name);
        }
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = support.dynamo.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);

        assertThat(names).containsSubsequence("page-a", "page-b", "page-c");
        assertThat(names).isSorted();
    }

    @Test
    void delete_table_removes_it() {
        support.hashTable("short-lived");

        TableDescription deleted = support.dynamo.deleteTable(b -> b.tableName("short-lived")).tableDescription();

        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> support.dynamo.describeTable(b -> b.tableName("short-lived")))
                .isInstanceOf(ResourceNotFoundException.class);
        support.dynamo.waiter().waitUntilTableNotExists(b -> b.tableName("short-lived"));
    }

    @Test
    void update_table_adds_and_removes_a_global_index_with_backfill() {
        support.hashTable("indexed-later");
        support.dynamo.putItem(b -> b.tableName("indexed-later").item(item("id", "1", "email", "a@b.c")));

        support.dynamo.updateTable(b -> b.tableName("indexed-later")
                .attributeDefinitions(def("email", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byEmail")
                        .keySchema(hash("email")).projection(p -> p.projectionType(ProjectionType.ALL))).build()));

        assertThat(support.dynamo.query(b -> b.tableName("indexed-later").indexName("byEmail")
                .keyConditionExpression("email = :e").expressionAttributeValues(Map.of(":e", s("a@b.c")))).count())
                .isEqualTo(1);
        support.dynamo.updateTable(b -> b.tableName("indexed-later").globalSecondaryIndexUpdates(
                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byEmail")).build()));
        assertThat(support.dynamo.describeTable(b -> b.tableName("indexed-later")).table()
                .hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void update_table_switches_billing_and_enables_a_stream() {
        support.hashTable("switching");

        TableDescription table = support.dynamo.updateTable(b -> b.tableName("switching")
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L)
                        .writeCapacityUnits(1L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();

        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).startsWith(table.tableArn() + "/stream/2026-01-01T00:00:00.000");
    }

    @Test
    void tags_are_added_listed_and_removed() {
        support.hashTable("tagged");
        String arn = support.dynamo.describeTable(b -> b.tableName("tagged")).table().tableArn();

        support.dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("core").build(),
                Tag.builder().key("env").value("test").build()));
        support.dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

        assertThat(support.dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("core").build());
    }

    @Test
    void create_table_validation_messages() {
        assertThatThrownBy(() -> support.dynamo.createTable(b -> b.tableName("bad").billingMode(
                BillingMode.PAY_PER_REQUEST).attributeDefinitions(def("other", ScalarAttributeType.S))
                .keySchema(hash("id")))).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are "
                        + "not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [other]");
        assertThatThrownBy(() -> support.dynamo.createTable(b -> b.tableName("bad")
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and "
                        + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertThatThrownBy(() -> support.dynamo.createTable(b -> b.tableName("x").billingMode(
                BillingMode.PAY_PER_REQUEST).attributeDefinitions(def("id", ScalarAttributeType.S))
                .keySchema(hash("id")))).isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have length greater than or equal to 3");
    }
}
