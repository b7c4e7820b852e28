package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The dynamodbstreams API through the SDK's DynamoDbStreamsClient: listing, describing and reading a table's stream. */
class StreamsApiTest {

    private final DynamoDbTestSupport support = DynamoDbTestSupport.start();
    private final DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
            .endpointOverride(support.stack.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(DynamoDbTestSupport.CREDENTIALS))
            .httpClientBuilder(ApacheHttpClient.builder()).build();

    @AfterEach
    void close() {
        streams.close();
        support.close();
    }

    private String streamTable(String name, StreamViewType viewType) {
        return support.dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(viewType)))
                .tableDescription().latestStreamArn();
    }

    private void put(String table, String id, long value) {
        support.dynamo.putItem(b -> b.tableName(table).item(item("id", s(id), "v", n(value))));
    }

    private String iterator(String streamArn, ShardIteratorType type, String sequence) {
        String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0)
                .shardId();
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
    }

    @Test
    void list_streams_filters_by_table_and_pages_with_the_last_evaluated_arn() {
        String a = streamTable("tab-a", StreamViewType.KEYS_ONLY);
        String b = streamTable("tab-b", StreamViewType.KEYS_ONLY);
        String c = streamTable("tab-c", StreamViewType.KEYS_ONLY);
        support.hashTable("no-stream");

        ListStreamsResponse first = streams.listStreams(r -> r.limit(2));
        ListStreamsResponse second = streams.listStreams(r -> r.limit(2).exclusiveStartStreamArn(
                first.lastEvaluatedStreamArn()));

        assertThat(first.streams()).extracting(st -> st.streamArn()).containsExactly(a, b);
        assertThat(first.lastEvaluatedStreamArn()).isEqualTo(b);
        assertThat(second.streams()).extracting(st -> st.streamArn()).containsExactly(c);
        assertThat(second.lastEvaluatedStreamArn()).isNull();
        assertThat(streams.listStreams(r -> r.tableName("tab-b")).streams()).singleElement()
                .satisfies(st -> assertThat(st.tableName()).isEqualTo("tab-b"));
    }

    @Test
    void describe_stream_answers_its_table_key_schema_and_one_open_shard() {
        String arn = streamTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);

        StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();

        assertThat(description.streamArn()).isEqualTo(arn);
        assertThat(description.streamStatusAsString()).isEqualTo("ENABLED");
        assertThat(description.streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(description.tableName()).isEqualTo("orders");
        assertThat(description.streamLabel()).isEqualTo(arn.substring(arn.lastIndexOf('/') + 1));
        assertThat(description.keySchema()).singleElement()
                .satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
        assertThat(description.shards()).singleElement().satisfies(shard -> {
            assertThat(shard.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotNull();
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @Test
    void get_records_answers_each_change_in_aws_shape_and_a_next_iterator() {
        String arn = streamTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        put("orders", "a", 1);
        put("orders", "a", 2);
        support.dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("id", s("a"))));

        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null)).limit(2));
        GetRecordsResponse rest = streams.getRecords(b -> b.shardIterator(page.nextShardIterator()));

        assertThat(page.records()).extracting(Record::eventNameAsString).containsExactly("INSERT", "MODIFY");
        assertThat(rest.records()).extracting(Record::eventNameAsString).containsExactly("REMOVE");
        Record modify = page.records().get(1);
        assertThat(modify.eventVersion()).isEqualTo("1.1");
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.awsRegion()).isEqualTo("us-east-1");
        assertThat(modify.eventID()).isNotBlank();
        assertThat(modify.dynamodb().keys()).containsOnlyKeys("id");
        assertThat(modify.dynamodb().oldImage().get("v").n()).isEqualTo("1");
        assertThat(modify.dynamodb().newImage().get("v").n()).isEqualTo("2");
        assertThat(modify.dynamodb().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(modify.dynamodb().sizeBytes()).isPositive();
        assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(
                support.stack.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(rest.nextShardIterator()).isNotNull();
    }

    @Test
    void every_iterator_type_starts_where_aws_says() {
        String arn = streamTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", "a", 1);
        put("orders", "b", 1);
        put("orders", "c", 1);
        List<Record> all = streams.getRecords(b -> b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON,
                null))).records();
        String second = all.get(1).dynamodb().sequenceNumber();
        String latest = iterator(arn, ShardIteratorType.LATEST, null);
        put("orders", "d", 1);

        assertThat(keys(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second))).containsExactly("b", "c", "d");
        assertThat(keys(iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))).containsExactly("c", "d");
        assertThat(keys(latest)).containsExactly("d");
    }

    private List<String> keys(String iterator) {
        return streams.getRecords(b -> b.shardIterator(iterator)).records().stream()
                .map(r -> r.dynamodb().keys().get("id").s()).toList();
    }

    @Test
    void a_shard_iterator_expires_fifteen_minutes_after_it_was_issued() {
        String arn = streamTable("orders", StreamViewType.KEYS_ONLY);
        String iterator = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        support.stack.clock().advance(Duration.ofMinutes(15));
        String stillValid = streams.getRecords(b -> b.shardIterator(iterator)).nextShardIterator();
        support.stack.clock().advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator)))
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageStartingWith("Shard iterator has expired (Service: DynamoDbStreams, Status Code: 400");
        assertThat(streams.getRecords(b -> b.shardIterator(stillValid)).records()).isEmpty();
    }

    @Test
    void records_are_kept_twenty_four_hours_then_trimmed() {
        String arn = streamTable("orders", StreamViewType.KEYS_ONLY);
        put("orders", "old", 1);
        String sequence = streams.getRecords(b -> b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON,
                null))).records().get(0).dynamodb().sequenceNumber();
        support.stack.clock().advance(Duration.ofHours(23).plusMinutes(50));
        put("orders", "new", 1);
        String atOld = iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, sequence);
        support.stack.clock().advance(Duration.ofMinutes(11)); // the old record is 24 h 1 min old, the iterator 11 min

        assertThat(keys(iterator(arn, ShardIteratorType.TRIM_HORIZON, null))).containsExactly("new");
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(atOld)))
                .isInstanceOf(TrimmedDataAccessException.class)
                .hasMessageStartingWith("The data you are trying to access has been trimmed");
        assertThatThrownBy(() -> iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, sequence))
                .isInstanceOf(TrimmedDataAccessException.class);
    }

    @Test
    void an_unknown_stream_is_resource_not_found_naming_it() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000";

        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Stream: " + arn + " not found");
    }

    @Test
    void a_time_to_live_deletion_carries_the_service_identity() {
        String arn = streamTable("sessions", StreamViewType.KEYS_ONLY);
        support.dynamo.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(
                TimeToLiveSpecification.builder().enabled(true).attributeName("v").build()));
        long expires = support.stack.clock().now().getEpochSecond() + 10;
        put("sessions", "s", expires);
        support.stack.clock().advance(Duration.ofMinutes(5));

        List<Record> records = streams.getRecords(b -> b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON,
                null))).records();

        assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT", "REMOVE");
        assertThat(records.get(1).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(records.get(1).userIdentity().type()).isEqualTo("Service");
    }
}
