package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.IndexSpec;
import dev.simstack.core.ScalarAttributeType;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.StreamViewType;
import dev.simstack.core.TableSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** A table declared in StackConfig is there at start, as DescribeTable tells it, in every replica region. */
class DeclaredTableTest {

    private static final TableSpec ORDERS = TableSpec.named("orders").withPartitionKey("id")
            .withSortKey("placedAt", ScalarAttributeType.N)
            .withGlobalSecondaryIndex(IndexSpec.named("byCustomer").withPartitionKey("customerId")
                    .withSortKey("placedAt", ScalarAttributeType.N).withKeysOnlyProjection())
            .withGlobalSecondaryIndex(IndexSpec.named("byStatus").withPartitionKey("status")
                    .withIncludedAttributes("total"))
            .withLocalSecondaryIndex(IndexSpec.named("byTotal").withPartitionKey("id")
                    .withSortKey("total", ScalarAttributeType.N))
            .withStream(StreamViewType.NEW_AND_OLD_IMAGES)
            .withTimeToLive("expiresAt");

    @Test
    void describe_table_answers_the_declared_keys_indexes_stream_and_billing() {
        try (Stack stack = StackConfig.defaults().withTable(ORDERS).start();
             DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            TableDescription table = dynamo.describeTable(b -> b.tableName("orders")).table();

            assertThat(table.keySchema()).containsExactly(key("id", KeyType.HASH), key("placedAt", KeyType.RANGE));
            assertThat(table.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                    .containsExactlyInAnyOrder("id:S", "placedAt:N", "customerId:S", "status:S", "total:N");
            assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName,
                    g -> g.projection().projectionType(), g -> g.projection().nonKeyAttributes())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("byCustomer", ProjectionType.KEYS_ONLY,
                            java.util.List.of()), org.assertj.core.groups.Tuple.tuple("byStatus",
                            ProjectionType.INCLUDE, java.util.List.of("total")));
            assertThat(table.localSecondaryIndexes()).singleElement()
                    .satisfies(l -> assertThat(l.keySchema()).containsExactly(key("id", KeyType.HASH),
                            key("total", KeyType.RANGE)));
            assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(table.latestStreamArn()).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/");
            assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(dynamo.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    });
        }
    }

    @Test
    void number_and_binary_keys_take_items_of_their_type() {
        try (Stack stack = StackConfig.defaults()
                .withTable(TableSpec.named("readings").withPartitionKey("sensor", ScalarAttributeType.B)
                        .withSortKey("at", ScalarAttributeType.N))
                .start();
             DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            SdkBytes sensor = SdkBytes.fromByteArray(new byte[] {1, 2, 3});
            dynamo.putItem(b -> b.tableName("readings").item(Map.of("sensor", AttributeValue.fromB(sensor),
                    "at", AttributeValue.fromN("1700000000"))));

            assertThat(dynamo.getItem(b -> b.tableName("readings").key(Map.of("sensor", AttributeValue.fromB(sensor),
                    "at", AttributeValue.fromN("1700000000")))).hasItem()).isTrue();
            assertThat(dynamo.describeTable(b -> b.tableName("readings")).table().attributeDefinitions())
                    .extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                    .containsExactly("sensor:B", "at:N");
        }
    }

    @Test
    void provisioned_throughput_sets_billing_mode_and_capacity() {
        try (Stack stack = StackConfig.defaults()
                .withTable(TableSpec.named("quotas").withPartitionKey("id").withProvisionedThroughput(5, 7)).start();
             DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            TableDescription table = dynamo.describeTable(b -> b.tableName("quotas")).table();

            assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
            assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(7);
        }
    }

    @Test
    void a_table_in_another_region_is_there_only() {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withTable(TableSpec.named("audit").withPartitionKey("id").inRegion("eu-west-1")).start();
             DynamoDbClient home = Clients.dynamo(stack, "us-east-1");
             DynamoDbClient europe = Clients.dynamo(stack, "eu-west-1")) {
            assertThat(europe.listTables().tableNames()).containsExactly("audit");
            assertThat(home.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void replicas_are_described_in_every_region_and_items_replicate_to_them() {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual())
                .withRegions("us-east-1", "eu-west-1", "ap-southeast-2")
                .withTable(TableSpec.named("carts").withPartitionKey("id").withReplicas("eu-west-1", "ap-southeast-2"))
                .start();
             DynamoDbClient home = Clients.dynamo(stack, "us-east-1");
             DynamoDbClient europe = Clients.dynamo(stack, "eu-west-1")) {
            assertThat(home.describeTable(b -> b.tableName("carts")).table().replicas())
                    .extracting(r -> r.regionName()).containsExactlyInAnyOrder("eu-west-1", "ap-southeast-2");
            assertThat(europe.describeTable(b -> b.tableName("carts")).table().replicas())
                    .extracting(r -> r.regionName()).containsExactlyInAnyOrder("us-east-1", "ap-southeast-2");

            home.putItem(b -> b.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
            stack.clock().advance(Duration.ofSeconds(1)); // the replication lag

            assertThat(europe.getItem(b -> b.tableName("carts").key(Map.of("id", AttributeValue.fromS("c1"))))
                    .hasItem()).isTrue();
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
