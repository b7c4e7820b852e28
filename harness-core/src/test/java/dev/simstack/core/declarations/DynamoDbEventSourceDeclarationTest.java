package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DynamoDbEventSource;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.StreamViewType;
import dev.simstack.core.TableSpec;
import dev.simstack.core.lambda.StreamHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;

/** A function's declared DynamoDB event is an event source mapping from the table's stream, made at start. */
class DynamoDbEventSourceDeclarationTest {

    private static StackConfig audit(TableSpec table, DynamoDbEventSource source) {
        return StackConfig.defaults().withClock(ClockSpec.manual()).withTable(table)
                .withQueue(QueueSpec.named("audit-failures"))
                .withFunction(FunctionSpec.named("declared-audit", StreamHandlers.Recorder.class)
                        .withDynamoDbEvent(source));
    }

    @Test
    void a_declared_dynamodb_event_maps_the_tables_stream_with_its_settings_and_delivers_its_changes()
            throws Exception {
        StreamHandlers.EVENTS.remove("declared-audit");
        StackConfig config = audit(TableSpec.named("orders").withPartitionKey("id")
                .withStream(StreamViewType.NEW_IMAGE), DynamoDbEventSource.table("orders").withBatchSize(10)
                .withStartingPosition(DynamoDbEventSource.StartingPosition.LATEST).withMaximumRetryAttempts(2)
                .withBisectBatchOnFunctionError().withOnFailureQueue("audit-failures")
                .withFilterPattern("{\"eventName\":[\"INSERT\"]}"));
        try (Stack stack = config.start(); LambdaClient lambda = Clients.lambda(stack, "us-east-1");
                DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            EventSourceMappingConfiguration mapping = lambda.listEventSourceMappings().eventSourceMappings().get(0);
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"))));

            assertThat(mapping.eventSourceArn()).isEqualTo(dynamo.describeTable(b -> b.tableName("orders")).table()
                    .latestStreamArn());
            assertThat(mapping.startingPosition()).isEqualTo(EventSourcePosition.LATEST);
            assertThat(mapping.batchSize()).isEqualTo(10);
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(2);
            assertThat(mapping.bisectBatchOnFunctionError()).isTrue();
            assertThat(mapping.destinationConfig().onFailure().destination())
                    .isEqualTo(stack.queue("audit-failures").arn());
            assertThat(mapping.filterCriteria().filters()).singleElement()
                    .satisfies(f -> assertThat(f.pattern()).isEqualTo("{\"eventName\":[\"INSERT\"]}"));
            assertThat(stack.awaitQuiet(Duration.ofSeconds(20))).isTrue();
            assertThat(StreamHandlers.EVENTS.get("declared-audit")).hasSize(1);
        }
    }

    @Test
    void after_a_stack_reset_the_mapping_follows_the_tables_new_stream() throws Exception {
        StreamHandlers.EVENTS.remove("declared-audit");
        StackConfig config = audit(TableSpec.named("orders").withPartitionKey("id")
                .withStream(StreamViewType.KEYS_ONLY), DynamoDbEventSource.table("orders"));
        try (Stack stack = config.start(); LambdaClient lambda = Clients.lambda(stack, "us-east-1");
                DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            stack.clock().advance(Duration.ofSeconds(1)); // a new stream label after the reset
            stack.reset();
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-2"))));

            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).singleElement()
                    .satisfies(m -> assertThat(m.eventSourceArn()).isEqualTo(dynamo.describeTable(
                            b -> b.tableName("orders")).table().latestStreamArn()));
            assertThat(stack.awaitQuiet(Duration.ofSeconds(20))).isTrue();
            assertThat(StreamHandlers.EVENTS.get("declared-audit")).hasSize(1);
        }
    }

    @Test
    void a_table_without_a_stream_fails_the_start_naming_the_fix() {
        StackConfig config = audit(TableSpec.named("orders").withPartitionKey("id"),
                DynamoDbEventSource.table("orders"));

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declared function 'declared-audit' in us-east-1 has a DynamoDB event from table 'orders', "
                        + "which has no stream; declare it with TableSpec.withStream");
    }

    @Test
    void settings_lambda_refuses_fail_the_start_with_lambdas_message() {
        StackConfig config = audit(TableSpec.named("orders").withPartitionKey("id")
                .withStream(StreamViewType.KEYS_ONLY), DynamoDbEventSource.table("orders").withMaximumRecordAge(
                Duration.ofSeconds(30)));

        assertThatThrownBy(config::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declared function 'declared-audit' in us-east-1, its DynamoDB event from table 'orders': "
                        + "CreateEventSourceMapping failed: InvalidParameterValueException: MaximumRecordAgeInSeconds "
                        + "must be -1 (infinite) or between 60 and 604800, got 30");
    }
}
