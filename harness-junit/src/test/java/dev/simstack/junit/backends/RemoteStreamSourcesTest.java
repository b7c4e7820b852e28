package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.DynamoDbEventSource;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import dev.simstack.core.StreamViewType;
import dev.simstack.core.TableSpec;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Kit;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.StackDefinition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * DynamoDB stream sources of functions on remote backends: the table is created with its declared stream, the
 * function from its package, and a stream event source mapping with the declared settings; a write to the table runs
 * the function on the backend. The mapping is deleted first after the class, passed or failed.
 */
class RemoteStreamSourcesTest {

    @Test
    void a_put_item_runs_the_function_mapped_to_the_tables_stream_on_the_endpoint() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(StandIn.leanPackages(
                    standIn.asEndpoint()), AuditsTheTable.class), printed);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).contains("function auditor (us-east-1), event source mapping orders stream ->"
                    + " auditor (us-east-1)]")
                    .contains("deleted [event source mapping orders stream -> auditor (us-east-1), function auditor");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void the_stream_mapping_is_deleted_after_a_failing_class_too() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(StandIn.leanPackages(standIn.asEndpoint()), FailsAfterWriting.class);

            assertThat(Kit.failureMessages(results)).containsExactly("the class fails after writing");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void a_stream_source_of_a_table_without_a_stream_fails_naming_both_and_leaves_nothing_behind() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(StandIn.leanPackages(standIn.asEndpoint()), NoStream.class);

            assertThat(Kit.failureMessages(results)).singleElement().asString().endsWith("function 'auditor' reads"
                    + " the stream of table 'orders', which has none: declare the table with a stream, e.g."
                    + " TableSpec.withStream(...)");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    /** The orders table's stream audited into a second table, failed batches described to a queue. */
    public static class AuditedOrders implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withQueue(QueueSpec.named("audit-failures"))
                    .withTable(TableSpec.named("orders").withPartitionKey("id").withStream(StreamViewType.NEW_IMAGE))
                    .withTable(TableSpec.named("audit").withPartitionKey("id"))
                    .withFunction(FunctionSpec.named("auditor", AuditsOrders.class).withTimeout(Duration.ofSeconds(30))
                            .withEnvironment("AUDIT", "audit")
                            .withDynamoDbEvent(DynamoDbEventSource.table("orders").withBatchSize(10)
                                    .withMaximumRetryAttempts(2).withOnFailureQueue("audit-failures")
                                    .withFilterPattern("{\"eventName\":[\"INSERT\"]}")));
        }
    }

    /** The same, but the orders table declared without a stream. */
    public static class Unstreamed implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withTable(TableSpec.named("orders").withPartitionKey("id"))
                    .withFunction(FunctionSpec.named("auditor", AuditsOrders.class)
                            .withDynamoDbEvent(DynamoDbEventSource.table("orders")));
        }
    }

    @SimStack(backend = Backend.ENDPOINT, definition = AuditedOrders.class)
    static class AuditsTheTable {

        @Test
        void an_inserted_order_is_audited(DynamoDbClient dynamo, LambdaClient lambda) {
            EventSourceMappingConfiguration mapping = lambda.listEventSourceMappings(b -> b.functionName("auditor"))
                    .eventSourceMappings().get(0);
            assertThat(mapping.eventSourceArn()).contains(":table/orders/stream/");
            assertThat(mapping.batchSize()).isEqualTo(10);
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(2);
            assertThat(mapping.destinationConfig().onFailure().destination()).endsWith(":audit-failures");

            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"))));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dynamo.getItem(b -> b
                    .tableName("audit").key(Map.of("id", AttributeValue.fromS("o-1")))).item())
                    .containsEntry("event", AttributeValue.fromS("INSERT")));
        }
    }

    @SimStack(backend = Backend.ENDPOINT, definition = AuditedOrders.class)
    static class FailsAfterWriting {

        @Test
        void writes(DynamoDbClient dynamo) {
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-2"))));
            throw new AssertionError("the class fails after writing");
        }
    }

    @SimStack(backend = Backend.ENDPOINT, definition = Unstreamed.class)
    static class NoStream {

        @Test
        void test() {
        }
    }
}
