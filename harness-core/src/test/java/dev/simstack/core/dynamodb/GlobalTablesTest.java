package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Global tables replicate every write to the other regions after the lag; last writer wins. */
class GlobalTablesTest {

    private final ServiceHarness harness = new ServiceHarness();

    @BeforeEach
    void globalTable() {
        harness.hashTable("us-east-1", "orders");
        harness.call("us-east-1", "UpdateTable", "{'TableName':'orders','ReplicaUpdates':[{'Create':"
                + "{'RegionName':'eu-west-1'}}]}");
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private JsonNode get(String region, String id) {
        return harness.call(region, "GetItem", "{'TableName':'orders','Key':{'id':{'S':'" + id + "'}}}").get("Item");
    }

    private void put(String region, String id, String value) {
        harness.call(region, "PutItem", "{'TableName':'orders','Item':{'id':{'S':'" + id + "'},'v':{'S':'" + value
                + "'}}}");
    }

    @Test
    void both_regions_describe_the_replicas() {
        JsonNode home = harness.call("us-east-1", "DescribeTable", "{'TableName':'orders'}").get("Table");
        JsonNode replica = harness.call("eu-west-1", "DescribeTable", "{'TableName':'orders'}").get("Table");

        assertThat(home.get("GlobalTableVersion").textValue()).isEqualTo("2019.11.21");
        assertThat(home.get("Replicas").get(0).get("RegionName").textValue()).isEqualTo("eu-west-1");
        assertThat(replica.get("Replicas").get(0).get("RegionName").textValue()).isEqualTo("us-east-1");
        assertThat(replica.get("TableArn").textValue())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/orders");
    }

    @Test
    void a_write_arrives_in_the_other_region_after_the_lag() {
        put("us-east-1", "o1", "placed");

        assertThat(get("eu-west-1", "o1")).isNull();
        harness.advance(Duration.ofMillis(999));
        assertThat(get("eu-west-1", "o1")).isNull();
        harness.advance(Duration.ofMillis(1));
        assertThat(get("eu-west-1", "o1").get("v").get("S").textValue()).isEqualTo("placed");
    }

    @Test
    void replication_runs_both_ways_and_deletes_replicate() {
        put("eu-west-1", "o2", "from-europe");
        harness.advance(Duration.ofSeconds(1));
        harness.call("us-east-1", "DeleteItem", "{'TableName':'orders','Key':{'id':{'S':'o2'}}}");
        harness.advance(Duration.ofSeconds(1));

        assertThat(get("eu-west-1", "o2")).isNull();
    }

    @Test
    void concurrent_writes_converge_on_the_last_writer() {
        put("us-east-1", "o3", "first");
        harness.clock.advance(Duration.ofMillis(10));
        put("eu-west-1", "o3", "second");
        harness.advance(Duration.ofSeconds(2));

        assertThat(get("us-east-1", "o3").get("v").get("S").textValue()).isEqualTo("second");
        assertThat(get("eu-west-1", "o3").get("v").get("S").textValue()).isEqualTo("second");
    }

    @Test
    void two_writes_of_one_millisecond_replicate_the_later() {
        put("us-east-1", "o5", "placed");
        put("us-east-1", "o5", "paid"); // the clock has not moved: the same millisecond
        harness.advance(Duration.ofSeconds(1));

        assertThat(get("eu-west-1", "o5").get("v").get("S").textValue()).isEqualTo("paid");
    }

    @Test
    void a_paused_region_receives_nothing_until_resumed() {
        harness.service.replication().pause("eu-west-1");
        put("us-east-1", "o4", "held");
        harness.advance(Duration.ofMinutes(5));
        assertThat(get("eu-west-1", "o4")).isNull();

        harness.service.replication().resume("eu-west-1");

        assertThat(get("eu-west-1", "o4").get("v").get("S").textValue()).isEqualTo("held");
    }

    @Test
    void the_lag_can_be_stretched() {
        harness.service.replication().setLag(Duration.ofSeconds(30));
        put("us-east-1", "o5", "slow");
        harness.advance(Duration.ofSeconds(29));
        assertThat(get("eu-west-1", "o5")).isNull();
        harness.advance(Duration.ofSeconds(1));
        assertThat(get("eu-west-1", "o5")).isNotNull();
    }

    @Test
    void existing_items_are_copied_to_a_new_replica() {
        put("us-east-1", "before", "x");
        harness.advance(Duration.ofSeconds(1));
        harness.call("us-east-1", "UpdateTable", "{'TableName':'orders','ReplicaUpdates':[{'Create':"
                + "{'RegionName':'ap-south-1'}}]}");

        assertThat(get("ap-south-1", "before")).isNotNull();
        put("eu-west-1", "later", "y");
        harness.advance(Duration.ofSeconds(1));
        assertThat(get("ap-south-1", "later")).isNotNull();
    }
}
