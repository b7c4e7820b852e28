package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Capacity units by AWS's rules: 1 KB per write unit, 4 KB per read unit, half for eventually consistent reads,
 * twice in transactions.
 */
class ConsumedCapacityTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.dynamo.createTable(b -> b.tableName("metered").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("email", ScalarAttributeType.S))
                .keySchema(hash("id")).globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byEmail")
                        .keySchema(hash("email")).projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void a_write_of_2_5_kb_costs_3_units_and_its_index_entry_as_many() {
        String payload = "x".repeat(2500);

        ConsumedCapacity consumed = support.dynamo.putItem(b -> b.tableName("metered")
                .item(item("id", "big", "email", "a@b", "p", payload))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.tableName()).isEqualTo("metered");
        assertThat(consumed.table().capacityUnits()).isEqualTo(3.0);
        assertThat(consumed.globalSecondaryIndexes().get("byEmail").capacityUnits()).isEqualTo(3.0);
        assertThat(consumed.capacityUnits()).isEqualTo(6.0);
        assertThat(consumed.writeCapacityUnits()).isEqualTo(6.0);
    }

    @Test
    void reads_cost_half_a_unit_per_4_kb_unless_consistent() {
        support.dynamo.putItem(b -> b.tableName("metered").item(item("id", "small")));

        double eventual = support.dynamo.getItem(b -> b.tableName("metered").key(Map.of("id", s("small")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double consistent = support.dynamo.getItem(b -> b.tableName("metered").key(Map.of("id", s("small")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()
                .capacityUnits();

        assertThat(eventual).isEqualTo(0.5);
        assertThat(consistent).isEqualTo(1.0);
    }

    @Test
    void transactional_writes_cost_twice() {
        ConsumedCapacity consumed = support.dynamo.transactWriteItems(b -> b.returnConsumedCapacity(
                ReturnConsumedCapacity.TOTAL).transactItems(TransactWriteItem.builder().put(p -> p.tableName("metered")
                        .item(item("id", "tx"))).build())).consumedCapacity().get(0);

        assertThat(consumed.capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void no_consumed_capacity_unless_asked() {
        assertThat(support.dynamo.putItem(b -> b.tableName("metered").item(item("id", "quiet"))).consumedCapacity())
                .isNull();
    }
}
