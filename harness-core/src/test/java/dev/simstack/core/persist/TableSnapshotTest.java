package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A table re-created from a data directory is described as it was: CreateTable takes back what DescribeTable said. */
class TableSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void a_provisioned_table_keeps_its_capacity_local_and_included_indexes_and_deletion_protection() {
        DataDirectory data = DataDirectory.open(dir);
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.manual());
        TableDescription before;
        try (Stack stack = data.start(config, System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            dynamo.createTable(b -> b.tableName("ledger").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(3L))
                    .attributeDefinitions(a -> a.attributeName("account").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("at").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("amount").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("kind").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("account").keyType(KeyType.HASH),
                            k -> k.attributeName("at").keyType(KeyType.RANGE))
                    .localSecondaryIndexes(l -> l.indexName("by-amount")
                            .keySchema(k -> k.attributeName("account").keyType(KeyType.HASH),
                                    k -> k.attributeName("amount").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                    .globalSecondaryIndexes(g -> g.indexName("by-kind")
                            .keySchema(k -> k.attributeName("kind").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("amount"))
                            .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(1L)))
                    .deletionProtectionEnabled(true));
            before = dynamo.describeTable(b -> b.tableName("ledger")).table();
            data.save(stack);
        }
        try (Stack stack = data.start(config, System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            TableDescription after = dynamo.describeTable(b -> b.tableName("ledger")).table();
            assertThat(after.toBuilder().tableId(null).creationDateTime(null).build())
                    .isEqualTo(before.toBuilder().tableId(null).creationDateTime(null).build());
            assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
            assertThat(after.globalSecondaryIndexes().get(0).projection().nonKeyAttributes())
                    .containsExactly("amount");
            assertThat(after.deletionProtectionEnabled()).isTrue();
        }
    }

    @Test
    void a_gsi_with_multi_attribute_keys_is_reloaded_with_its_key_schema_and_entries() {
        DataDirectory data = DataDirectory.open(dir);
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.manual());
        TableDescription before;
        try (Stack stack = data.start(config, System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            dynamo.createTable(b -> b.tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("tournament").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("region").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("round").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .globalSecondaryIndexes(g -> g.indexName("byRegion")
                            .keySchema(k -> k.attributeName("tournament").keyType(KeyType.HASH),
                                    k -> k.attributeName("region").keyType(KeyType.HASH),
                                    k -> k.attributeName("round").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            dynamo.putItem(b -> b.tableName("matches").item(java.util.Map.of("id", s("m1"), "tournament",
                    s("winter"), "region", s("eu"), "round", AttributeValue.fromN("1"))));
            before = dynamo.describeTable(b -> b.tableName("matches")).table();
            data.save(stack);
        }
        try (Stack stack = data.start(config, System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            TableDescription after = dynamo.describeTable(b -> b.tableName("matches")).table();
            assertThat(after.globalSecondaryIndexes().get(0).keySchema())
                    .isEqualTo(before.globalSecondaryIndexes().get(0).keySchema());
            assertThat(dynamo.query(b -> b.tableName("matches").indexName("byRegion")
                    .keyConditionExpression("tournament = :t AND #region = :r")
                    .expressionAttributeNames(java.util.Map.of("#region", "region"))
                    .expressionAttributeValues(java.util.Map.of(":t", s("winter"), ":r", s("eu")))).count())
                    .isEqualTo(1);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
