package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Work due on the clock after a reset — a global-table write on its way, an asynchronous invocation's
 * retry — belongs to the state before it: it must not reach the resources created again with the same
 * names.
 */
class ResetBackgroundWorkTest {

    @Test
    void a_replicated_write_on_its_way_does_not_reach_a_table_created_after_the_reset() {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withClock(ClockSpec.manual()).start();
                DynamoDbClient home = ResetClients.dynamo(stack);
                DynamoDbClient replica = ResetClients.dynamo(stack, Region.EU_WEST_1)) {
            globalTable(home);
            home.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("before"))));

            stack.reset();
            globalTable(home);
            stack.clock().advance(Duration.ofSeconds(5)); // the replication lag is 1 s

            assertThat(replica.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("before"))))
                    .hasItem()).isFalse();
            home.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("after"))));
            stack.clock().advance(Duration.ofSeconds(5));
            assertThat(replica.scan(b -> b.tableName("orders")).items()).as("replication itself still works")
                    .containsExactly(Map.of("pk", AttributeValue.fromS("after")));
        }
    }

    private static void globalTable(DynamoDbClient home) {
        StackResetTest.createTable(home, "orders");
        home.updateTable(b -> b.tableName("orders").replicaUpdates(r -> r.create(c -> c.regionName("eu-west-1"))));
    }

    @Test
    void an_asynchronous_retry_due_after_the_reset_is_dropped() {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("failures"))
                .withFunction(FunctionSpec.named("failing", Handlers.Failing.class)).start();
                LambdaClient lambda = ResetClients.lambda(stack); SqsClient sqs = ResetClients.sqs(stack)) {
            sendFailuresTo(lambda, stack);
            lambda.invoke(b -> b.functionName("failing").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"order\":7}")));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.ledger().entries(LedgerEntry.Invocation.class).size() == 1);

            stack.reset();
            sendFailuresTo(lambda, stack);
            stack.clock().advance(Duration.ofMinutes(5)); // retries are due after 1 and 3 minutes
            lambda.invoke(b -> b.functionName("failing").payload(SdkBytes.fromUtf8String("{}")));

            assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).singleElement()
                    .satisfies(invocation -> assertThat(invocation.trigger()).isNotEqualTo("invoke:event"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queue("failures").url())).messages())
                    .as("no failure record of the event from before the reset").isEmpty();
        }
    }

    private static void sendFailuresTo(LambdaClient lambda, Stack stack) {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(1)
                .destinationConfig(d -> d.onFailure(f -> f.destination(stack.queue("failures").arn()))));
    }
}
