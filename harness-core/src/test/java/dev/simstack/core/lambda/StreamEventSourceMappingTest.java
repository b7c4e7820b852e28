package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.simstack.core.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** DynamoDB stream → Lambda through event source mappings, on a manual clock. */
class StreamEventSourceMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofSeconds(20);

    private Stack stack;
    private LambdaClient lambda;
    private SqsClient sqs;
    private DynamoDbClient dynamo;
    private String streamArn;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withTable(TableSpec.named("orders").withPartitionKey("id").withStream(StreamViewType.NEW_AND_OLD_IMAGES))
                .withQueue(QueueSpec.named("discarded"))
                .withFunction(FunctionSpec.named("stream-recorder", StreamHandlers.Recorder.class))
                .withFunction(FunctionSpec.named("stream-poison", StreamHandlers.PoisonFails.class))
                .withFunction(FunctionSpec.named("stream-partial", StreamHandlers.ReportsFailures.class))
                .start();
        lambda = LambdaTestSupport.lambda(stack);
        sqs = LambdaTestSupport.sqs(stack);
        dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(LambdaTestSupport.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                .build();
        streamArn = dynamo.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
        List.of("stream-recorder", "stream-poison", "stream-partial").forEach(StreamHandlers.EVENTS::remove);
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        dynamo.close();
        stack.close();
    }

    private CreateEventSourceMappingResponse map(String function, java.util.function.Consumer<
            CreateEventSourceMappingRequest.Builder> settings) {
        return lambda.createEventSourceMapping(b -> {
            b.functionName(function).eventSourceArn(streamArn).startingPosition(EventSourcePosition.TRIM_HORIZON);
            settings.accept(b);
        });
    }

    private void put(String id, String... marks) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("id", AttributeValue.fromS(id)));
        for (String mark : marks) {
            item.put(mark, AttributeValue.fromBool(true));
        }
        dynamo.putItem(b -> b.tableName("orders").item(item));
    }

    /** Lets the stack finish, then moves the clock {@code seconds} one second at a time, quietly. */
    private void settle(int seconds) throws InterruptedException {
        assertThat(stack.awaitQuiet(QUIET)).isTrue();
        for (int i = 0; i < seconds; i++) {
            assertThat(stack.clock().advanceQuietly(Duration.ofSeconds(1), QUIET)).isTrue();
        }
    }

    /** The ids of each batch the function got, batch by batch. */
    private static List<List<String>> batches(String function) {
        List<List<String>> batches = new ArrayList<>();
        for (JsonNode event : StreamHandlers.EVENTS.getOrDefault(function, List.of())) {
            List<String> ids = new ArrayList<>();
            event.path("Records").forEach(r -> ids.add(r.path("dynamodb").path("Keys").path("id").path("S").asText()));
            batches.add(ids);
        }
        return batches;
    }

    private List<JsonNode> discarded() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(stack.queue("discarded").url())
                .maxNumberOfMessages(10)).messages()) {
            bodies.add(JSON.readTree(message.body()));
        }
        return bodies;
    }

    @Test
    void records_reach_the_function_in_stream_order_in_lambdas_event_shape() throws Exception {
        put("a");
        put("b");
        put("a", "paid");
        dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("b"))));

        CreateEventSourceMappingResponse mapping = map("stream-recorder", b -> b.batchSize(2));
        settle(0);

        assertThat(mapping.batchSize()).isEqualTo(2);
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(mapping.startingPosition()).isEqualTo(EventSourcePosition.TRIM_HORIZON);
        assertThat(batches("stream-recorder")).containsExactly(List.of("a", "b"), List.of("a", "b"));
        JsonNode modify = StreamHandlers.EVENTS.get("stream-recorder").get(1).path("Records").get(0);
        assertThat(modify.path("eventName").asText()).isEqualTo("MODIFY");
        assertThat(modify.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(modify.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(modify.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(modify.path("eventSourceARN").asText()).isEqualTo(streamArn);
        assertThat(modify.path("dynamodb").path("NewImage").path("paid").path("BOOL").asBoolean()).isTrue();
        assertThat(modify.path("dynamodb").path("OldImage").has("paid")).isFalse();
        assertThat(modify.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void a_record_written_while_the_mapping_waits_is_delivered_at_once_without_a_batching_window()
            throws Exception {
        map("stream-recorder", b -> b.batchSize(10));
        put("one");
        settle(0);
        put("two");
        settle(0);

        assertThat(batches("stream-recorder")).containsExactly(List.of("one"), List.of("two"));
    }

    @Test
    void a_batching_window_gathers_the_records_written_within_it() throws Exception {
        map("stream-recorder", b -> b.batchSize(10).maximumBatchingWindowInSeconds(5));
        put("one");
        settle(2);
        put("two");
        settle(2);
        assertThat(batches("stream-recorder")).isEmpty();
        settle(1);

        assertThat(batches("stream-recorder")).containsExactly(List.of("one", "two"));
    }

    @Test
    void latest_starts_after_the_records_written_before_the_mapping() throws Exception {
        put("before");
        map("stream-recorder", b -> b.startingPosition(EventSourcePosition.LATEST));
        put("after");
        settle(0);

        assertThat(batches("stream-recorder")).containsExactly(List.of("after"));
    }

    @Test
    void a_failing_batch_is_retried_then_described_to_the_on_failure_queue_and_the_stream_moves_on()
            throws Exception {
        map("stream-poison", b -> b.batchSize(1).maximumRetryAttempts(2).destinationConfig(d -> d.onFailure(
                f -> f.destination(stack.queue("discarded").arn()))));
        put("bad", "poison");
        put("good");
        settle(5);

        assertThat(batches("stream-poison")).containsExactly(List.of("bad"), List.of("bad"), List.of("bad"),
                List.of("good"));
        JsonNode body = discarded().get(0);
        assertThat(body.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(body.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(body.path("requestContext").path("functionArn").asText()).endsWith(":function:stream-poison");
        assertThat(body.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(body.path("version").asText()).isEqualTo("1.0");
        JsonNode info = body.path("DDBStreamBatchInfo");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(info.path("streamArn").asText()).isEqualTo(streamArn);
        assertThat(info.path("startSequenceNumber").asText()).isEqualTo(info.path("endSequenceNumber").asText());
        assertThat(info.path("shardId").asText()).startsWith("shardId-");
    }

    @Test
    void bisecting_isolates_the_failing_record_and_delivers_the_rest_in_order() throws Exception {
        put("r1");
        put("r2");
        put("r3", "poison");
        put("r4");
        map("stream-poison", b -> b.batchSize(4).bisectBatchOnFunctionError(true).maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(stack.queue("discarded").arn()))));
        settle(5);

        assertThat(batches("stream-poison")).containsExactly(List.of("r1", "r2", "r3", "r4"), List.of("r1", "r2"),
                List.of("r3", "r4"), List.of("r3"), List.of("r4"));
        assertThat(discarded()).singleElement().satisfies(body -> assertThat(body.path("DDBStreamBatchInfo")
                .path("batchSize").asInt()).isEqualTo(1));
    }

    @Test
    void a_partial_batch_response_checkpoints_before_the_first_failed_record() throws Exception {
        put("p1");
        put("p2", "fail");
        put("p3");
        map("stream-partial", b -> b.batchSize(3).maximumRetryAttempts(1)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .destinationConfig(d -> d.onFailure(f -> f.destination(stack.queue("discarded").arn()))));
        settle(5);

        assertThat(batches("stream-partial")).containsExactly(List.of("p1", "p2", "p3"), List.of("p2", "p3"));
        JsonNode info = discarded().get(0).path("DDBStreamBatchInfo");
        assertThat(info.path("batchSize").asInt()).isEqualTo(2);
    }

    @Test
    void filter_criteria_pass_only_the_matching_records() throws Exception {
        map("stream-recorder", b -> b.filterCriteria(f -> f.filters(fl -> fl.pattern(
                "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"paid\":{\"BOOL\":[true]}}}}"))));
        put("x");
        put("y", "paid");
        put("x", "paid"); // a MODIFY
        settle(0);

        assertThat(batches("stream-recorder")).containsExactly(List.of("y"));
    }

    @Test
    void records_older_than_the_maximum_record_age_are_discarded() throws Exception {
        map("stream-poison", b -> b.maximumRecordAgeInSeconds(60).destinationConfig(d -> d.onFailure(
                f -> f.destination(stack.queue("discarded").arn()))));
        put("old", "poison");
        settle(61);

        assertThat(discarded()).singleElement().satisfies(body -> assertThat(body.path("requestContext")
                .path("condition").asText()).isEqualTo("RecordAgeExceeded"));
        int invocations = batches("stream-poison").size();
        settle(3);
        assertThat(batches("stream-poison")).hasSize(invocations);
    }

    @Test
    void a_stream_mapping_needs_a_starting_position_and_settings_in_lambdas_limits() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("stream-recorder")
                .eventSourceArn(streamArn)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("StartingPosition is required for a DynamoDB Streams event source; give "
                        + "TRIM_HORIZON or LATEST.");
        assertThatThrownBy(() -> map("stream-recorder", b -> b.batchSize(10_001)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("1 validation error detected: Value '10001' at 'batchSize' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 10000");
        assertThatThrownBy(() -> map("stream-recorder", b -> b.maximumRetryAttempts(-2)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("1 validation error detected: Value '-2' at 'maximumRetryAttempts' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to -1");
    }

    @Test
    void a_stream_mapping_is_listed_read_and_deleted_like_the_others() {
        String uuid = map("stream-recorder", b -> b.batchSize(5)).uuid();

        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).eventSourceArn()).isEqualTo(streamArn);
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(streamArn)).eventSourceMappings())
                .singleElement().satisfies(m -> assertThat(m.batchSize()).isEqualTo(5));
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(7)).batchSize()).isEqualTo(7);
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(streamArn)).eventSourceMappings()).isEmpty();
    }
}
