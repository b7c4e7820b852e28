package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.streams.StreamRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams record every change in order with the view type's images; TTL removes expired items on the clock. */
class StreamAndTimeToLiveTest {

    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private void streamTable(String viewType) {
        harness.call("CreateTable", "{'TableName':'events','BillingMode':'PAY_PER_REQUEST',"
                + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
                + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'" + viewType + "'}}");
    }

    @Test
    void insert_modify_remove_are_recorded_in_order_with_both_images() {
        streamTable("NEW_AND_OLD_IMAGES");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'a'},'v':{'N':'1'}}}");
        harness.call("UpdateItem", "{'TableName':'events','Key':{'id':{'S':'a'}},'UpdateExpression':'SET v = :two',"
                + "'ExpressionAttributeValues':{':two':{'N':'2'}}}");
        harness.call("DeleteItem", "{'TableName':'events','Key':{'id':{'S':'a'}}}");

        List<StreamRecord> records = harness.service.stream("us-east-1", "events").records();

        assertThat(records).extracting(StreamRecord::eventName).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records).extracting(r -> Long.parseLong(r.sequenceNumber())).isSorted();
        assertThat(records.get(0).oldImage()).isNull();
        assertThat(records.get(1).oldImage().get("v")).isEqualTo(AttributeValue.n(1));
        assertThat(records.get(1).newImage().get("v")).isEqualTo(AttributeValue.n(2));
        assertThat(records.get(2).newImage()).isNull();
        assertThat(records).allSatisfy(r -> assertThat(r.keys().get("id")).isEqualTo(AttributeValue.s("a")));
    }

    @Test
    void a_write_that_changes_nothing_leaves_no_record() {
        streamTable("NEW_IMAGE");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'a'},'v':{'N':'1'}}}");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'a'},'v':{'N':'1.0'}}}");
        harness.call("DeleteItem", "{'TableName':'events','Key':{'id':{'S':'never-there'}}}");

        assertThat(harness.service.stream("us-east-1", "events").records()).hasSize(1);
    }

    @Test
    void keys_only_streams_keep_no_images() {
        streamTable("KEYS_ONLY");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'a'},'v':{'N':'1'}}}");

        StreamRecord record = harness.service.stream("us-east-1", "events").records().get(0);

        assertThat(record.newImage()).isNull();
        assertThat(record.oldImage()).isNull();
    }

    @Test
    void the_description_names_the_latest_stream() {
        streamTable("NEW_IMAGE");

        StreamLog stream = harness.service.stream("us-east-1", "events");
        String described = harness.call("DescribeTable", "{'TableName':'events'}").get("Table")
                .get("LatestStreamArn").textValue();

        assertThat(described).isEqualTo(stream.arn())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/2026-01-01T00:00:00.000");
    }

    @Test
    void expired_items_are_removed_at_their_expiry_with_a_service_remove_record() {
        streamTable("OLD_IMAGE");
        harness.call("UpdateTimeToLive", "{'TableName':'events','TimeToLiveSpecification':{'Enabled':true,"
                + "'AttributeName':'expires'}}");
        long now = harness.clock.now().getEpochSecond();
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'soon'},'expires':{'N':'" + (now + 60)
                + "'}}}");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'later'},'expires':{'N':'" + (now + 3600)
                + "'}}}");
        harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'never'},'expires':{'S':'not a number'}}}");

        harness.advance(Duration.ofSeconds(59));
        assertThat(harness.call("GetItem", "{'TableName':'events','Key':{'id':{'S':'soon'}}}").has("Item")).isTrue();
        harness.advance(Duration.ofSeconds(1));

        assertThat(harness.call("GetItem", "{'TableName':'events','Key':{'id':{'S':'soon'}}}").has("Item")).isFalse();
        assertThat(harness.call("GetItem", "{'TableName':'events','Key':{'id':{'S':'later'}}}").has("Item")).isTrue();
        StreamRecord removal = harness.service.stream("us-east-1", "events").records().get(3);
        assertThat(removal.eventName()).isEqualTo("REMOVE");
        assertThat(removal.byTimeToLive()).isTrue();
        assertThat(harness.ledger.entries(LedgerEntry.ItemWrite.class)).extracting(LedgerEntry.ItemWrite::operation)
                .contains("TimeToLive");
        harness.advance(Duration.ofHours(2));
        assertThat(harness.call("Scan", "{'TableName':'events'}").get("Count").intValue()).isEqualTo(1);
    }

    @Test
    void time_to_live_is_described_and_cannot_be_enabled_twice() {
        streamTable("KEYS_ONLY");
        assertThat(harness.call("DescribeTimeToLive", "{'TableName':'events'}").get("TimeToLiveDescription")
                .get("TimeToLiveStatus").textValue()).isEqualTo("DISABLED");
        harness.call("UpdateTimeToLive", "{'TableName':'events','TimeToLiveSpecification':{'Enabled':true,"
                + "'AttributeName':'ttl'}}");

        assertThat(harness.call("DescribeTimeToLive", "{'TableName':'events'}").get("TimeToLiveDescription")
                .get("AttributeName").textValue()).isEqualTo("ttl");
        assertThatThrownBy(() -> harness.call("UpdateTimeToLive", "{'TableName':'events','TimeToLiveSpecification':"
                + "{'Enabled':true,'AttributeName':'ttl'}}")).isInstanceOf(AwsException.class)
                .hasMessage("TimeToLive is already enabled");
    }

    @Test
    void a_creating_table_turns_active_after_the_status_delay() {
        harness.service.setTableStatusDelay(Duration.ofSeconds(5));
        streamTable("KEYS_ONLY");

        assertThat(harness.call("DescribeTable", "{'TableName':'events'}").get("Table").get("TableStatus").textValue())
                .isEqualTo("CREATING");
        assertThatThrownBy(() -> harness.call("PutItem", "{'TableName':'events','Item':{'id':{'S':'a'}}}"))
                .isInstanceOf(AwsException.class).hasMessage("Requested resource not found");
        harness.advance(Duration.ofSeconds(5));
        assertThat(harness.call("DescribeTable", "{'TableName':'events'}").get("Table").get("TableStatus").textValue())
                .isEqualTo("ACTIVE");
    }
}
