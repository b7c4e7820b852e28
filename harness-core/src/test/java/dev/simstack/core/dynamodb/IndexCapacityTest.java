package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.range;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code ReturnConsumedCapacity: INDEXES}: each index a write touches is charged by AWS's rules for index writes
 * (one write to put or delete an entry, two when its index key changes, none when the entry does not change), by
 * the size of the entry the index holds; a read of an index charges the index. TOTAL answers only the sum.
 */
class IndexCapacityTest {

    private static final String PAYLOAD = "x".repeat(2500);
    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        // byStatus projects only keys; byDate (local) everything: a 2.5 KB item is 3 units in byDate, 1 in byStatus
        support.dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("status", ScalarAttributeType.S), def("date", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(hash("status"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byDate")
                        .keySchema(hash("pk"), range("date"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void a_new_item_costs_each_index_it_enters_by_the_size_of_its_entry_there() {
        ConsumedCapacity consumed = put("new", "OPEN", "2026-01-01", ReturnConsumedCapacity.INDEXES);

        assertThat(consumed.table().capacityUnits()).isEqualTo(3.0);
        assertThat(consumed.globalSecondaryIndexes()).containsOnlyKeys("byStatus");
        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(1.0));
        assertThat(consumed.localSecondaryIndexes()).containsOnlyKeys("byDate");
        assertThat(consumed.localSecondaryIndexes().get("byDate")).isEqualTo(write(3.0));
        assertThat(consumed.capacityUnits()).isEqualTo(7.0);
        assertThat(consumed.writeCapacityUnits()).isEqualTo(7.0);
        assertThat(consumed.readCapacityUnits()).isNull();
    }

    @Test
    void an_item_without_the_index_key_costs_that_index_nothing() {
        ConsumedCapacity consumed = put("sparse", null, null, ReturnConsumedCapacity.INDEXES);

        assertThat(consumed.table().capacityUnits()).isEqualTo(3.0);
        assertThat(consumed.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(consumed.hasLocalSecondaryIndexes()).isFalse();
        assertThat(consumed.capacityUnits()).isEqualTo(3.0);
    }

    @Test
    void a_changed_index_key_costs_two_writes_the_old_entry_deleted_and_the_new_one_put() {
        put("moved", "OPEN", null, ReturnConsumedCapacity.NONE);

        ConsumedCapacity consumed = support.dynamo.updateItem(b -> b.tableName("orders").key(key("moved"))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("SHIPPED")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(2.0));
        assertThat(consumed.capacityUnits()).isEqualTo(5.0);
    }

    @Test
    void an_update_of_attributes_an_index_does_not_project_costs_that_index_nothing() {
        put("touched", "OPEN", "2026-01-02", ReturnConsumedCapacity.NONE);

        ConsumedCapacity consumed = support.dynamo.updateItem(b -> b.tableName("orders").key(key("touched"))
                .updateExpression("SET note = :n").expressionAttributeValues(Map.of(":n", s("fragile")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(consumed.localSecondaryIndexes().get("byDate")).isEqualTo(write(3.0));
        assertThat(consumed.capacityUnits()).isEqualTo(6.0);
    }

    @Test
    void removing_the_index_key_or_deleting_the_item_costs_one_write_to_delete_the_entry() {
        put("gone", "OPEN", "2026-01-03", ReturnConsumedCapacity.NONE);

        ConsumedCapacity removed = support.dynamo.updateItem(b -> b.tableName("orders").key(key("gone"))
                .updateExpression("REMOVE #s").expressionAttributeNames(Map.of("#s", "status"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        ConsumedCapacity deleted = support.dynamo.deleteItem(b -> b.tableName("orders").key(key("gone"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(removed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(1.0));
        assertThat(deleted.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(deleted.localSecondaryIndexes().get("byDate")).isEqualTo(write(3.0));
        assertThat(deleted.capacityUnits()).isEqualTo(6.0);
    }

    @Test
    void total_answers_only_the_sum() {
        ConsumedCapacity consumed = put("total", "OPEN", "2026-01-04", ReturnConsumedCapacity.TOTAL);

        assertThat(consumed.capacityUnits()).isEqualTo(7.0);
        assertThat(consumed.table()).isNull();
        assertThat(consumed.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(consumed.hasLocalSecondaryIndexes()).isFalse();
    }

    @Test
    void a_query_of_an_index_charges_the_index_by_the_entries_it_holds() {
        put("queried", "QUERIED", "2026-01-05", ReturnConsumedCapacity.NONE);

        ConsumedCapacity consumed = support.dynamo.query(b -> b.tableName("orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("QUERIED")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        // the KEYS_ONLY entry is a few bytes: half a unit eventually consistent, not the 2.5 KB item's
        assertThat(consumed.table()).isEqualTo(read(0.0));
        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(read(0.5));
        assertThat(consumed.capacityUnits()).isEqualTo(0.5);
        assertThat(consumed.readCapacityUnits()).isEqualTo(0.5);
    }

    @Test
    void a_scan_of_a_local_index_charges_the_local_index() {
        ConsumedCapacity consumed = support.dynamo.scan(b -> b.tableName("orders").indexName("byDate")
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.table().capacityUnits()).isEqualTo(0.0);
        assertThat(consumed.localSecondaryIndexes()).containsOnlyKeys("byDate");
        assertThat(consumed.capacityUnits()).isEqualTo(consumed.localSecondaryIndexes().get("byDate").capacityUnits());
    }

    @Test
    void batch_writes_charge_the_indexes_of_each_table() {
        ConsumedCapacity consumed = support.dynamo.batchWriteItem(b -> b.requestItems(Map.of("orders", java.util.List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", "batch", "sk", "1", "status", "OPEN"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("pk", "batch", "sk", "2", "date", "d"))).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().get(0);

        assertThat(consumed.tableName()).isEqualTo("orders");
        assertThat(consumed.table()).isEqualTo(write(2.0));
        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(1.0));
        assertThat(consumed.localSecondaryIndexes().get("byDate")).isEqualTo(write(1.0));
        assertThat(consumed.capacityUnits()).isEqualTo(4.0);
    }

    @Test
    void transactional_writes_cost_their_indexes_twice_as_well() {
        ConsumedCapacity consumed = support.dynamo.transactWriteItems(b -> b
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(TransactWriteItem.builder().put(p -> p.tableName("orders")
                        .item(item("pk", "tx", "sk", "1", "status", "OPEN"))).build())).consumedCapacity().get(0);

        assertThat(consumed.table()).isEqualTo(write(2.0));
        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(2.0));
        assertThat(consumed.capacityUnits()).isEqualTo(4.0);
    }

    @Test
    void a_partiql_insert_charges_the_indexes_it_enters() {
        ConsumedCapacity consumed = support.dynamo.executeStatement(b -> b
                .statement("INSERT INTO orders VALUE {'pk': 'ql', 'sk': '1', 'status': 'OPEN', 'date': 'd'}")
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.table()).isEqualTo(write(1.0));
        assertThat(consumed.globalSecondaryIndexes().get("byStatus")).isEqualTo(write(1.0));
        assertThat(consumed.localSecondaryIndexes().get("byDate")).isEqualTo(write(1.0));
        assertThat(consumed.capacityUnits()).isEqualTo(3.0);
    }

    private static ConsumedCapacity put(String pk, String status, String date, ReturnConsumedCapacity mode) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(item("pk", pk, "sk", "1", "payload", PAYLOAD));
        if (status != null) {
            item.put("status", s(status));
        }
        if (date != null) {
            item.put("date", s(date));
        }
        return support.dynamo.putItem(b -> b.tableName("orders").item(item).returnConsumedCapacity(mode))
                .consumedCapacity();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk), "sk", s("1"));
    }

    private static Capacity write(double units) {
        return Capacity.builder().capacityUnits(units).writeCapacityUnits(units).build();
    }

    private static Capacity read(double units) {
        return Capacity.builder().capacityUnits(units).readCapacityUnits(units).build();
    }
}
