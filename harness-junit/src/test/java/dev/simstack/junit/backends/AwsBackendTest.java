package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.Backend;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import dev.simstack.junit.Throttle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/**
 * The AWS backend with its endpoint overridden to another SimStack stack standing in for an account: it starts
 * only when the run allows it, takes the default credential chain and region, prefixes every name with the run,
 * resolves the declared names on the injected clients, and deletes what it created after the class, failed or not.
 */
class AwsBackendTest {

    @Test
    void the_aws_backend_refuses_to_start_without_the_opt_in_and_says_how_to_give_it() {
        EngineExecutionResults results = Kit.run(OnAws.class);

        assertThat(Kit.failureMessages(results)).containsExactly("@SimStack on OnAws runs on backend AWS, which"
                + " creates (and bills) resources in the account the default credential chain points at, so it"
                + " starts only when the run allows it: run with -Dsimstack.aws.allow=true (or that configuration"
                + " parameter), or choose another backend");
    }

    @Test
    void every_name_is_prefixed_by_the_run_and_everything_is_deleted_after_a_failing_class() {
        try (StandIn account = new StandIn()) {
            Map<String, String> run = new LinkedHashMap<>();
            run.put("simstack.aws.allow", "true");
            run.put("simstack.aws.endpoint", account.endpoint());
            String[] printed = new String[1];

            EngineExecutionResults results = StandIn.withDefaultChain("eu-west-1", () -> Kit.capturingErr(
                    () -> Kit.run(run, OnAws.class), printed));

            assertThat(Kit.failureMessages(results)).containsExactly("a failing test on AWS");
            results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
            assertThat(printed[0]).containsPattern("SimStack: OnAws on backend AWS " + account.endpoint()
                    + " created \\[queue simstack-([0-9a-z]{8})-orders \\(eu-west-1\\), table simstack-\\1-orders"
                    + " \\(eu-west-1\\), bucket simstack-\\1-receipts \\(eu-west-1\\)\\], tagged simstack:run=\\1\n");
            assertThat(printed[0]).containsPattern("SimStack: OnAws on backend AWS " + account.endpoint()
                    + " deleted \\[bucket simstack-[0-9a-z]{8}-receipts \\(eu-west-1\\), table simstack-[0-9a-z]{8}"
                    + "-orders \\(eu-west-1\\), queue simstack-[0-9a-z]{8}-orders \\(eu-west-1\\)\\]\n");
            assertThat(account.resources()).isEmpty();
        }
    }

    @Test
    void wire_faults_match_the_declared_names_of_prefixed_resources() {
        try (StandIn account = new StandIn()) {
            Map<String, String> run = Map.of("simstack.aws.allow", "true", "simstack.aws.endpoint",
                    account.endpoint());
            Kit.assertPassed(StandIn.withDefaultChain("eu-west-1", () -> Kit.run(run, ThrottledOnAws.class)), 1);
            assertThat(account.requests("SendMessage")).isZero();
            assertThat(account.requests("PutItem")).isEqualTo(1);
        }
    }

    @SimStack(backend = Backend.AWS, queues = @Queue(name = "orders"), tables = @Table(name = "orders",
            partitionKey = "id"), buckets = @Bucket(name = "receipts"))
    static class OnAws {

        @Test
        void declared_names_resolve_to_the_prefixed_ones(SqsClient sqs, @QueueUrl("orders") String orders,
                DynamoDbClient dynamo, S3Client s3) {
            assertThat(orders).matches(".*/simstack-[0-9a-z]{8}-orders");
            assertThat(sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl()).isEqualTo(orders);
            assertThat(sqs.listQueueTags(b -> b.queueUrl(orders)).tags()).containsKey("simstack:run");

            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("42"))));
            assertThat(dynamo.listTables().tableNames()).singleElement().asString()
                    .matches("simstack-[0-9a-z]{8}-orders");
            assertThat(dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("42"))))
                    .hasItem()).isTrue();

            s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("receipt"));
            assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).keyCount()).isEqualTo(1);
        }

        @Test
        void fails(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("left behind"));
            throw new AssertionError("a failing test on AWS");
        }
    }

    @SimStack(backend = Backend.AWS, queues = @Queue(name = "orders"), tables = @Table(name = "orders",
            partitionKey = "id"))
    static class ThrottledOnAws {

        @Test
        @Throttle(service = "sqs", resource = "orders")
        @Throttle(service = "dynamodb", resource = "orders", times = 1)
        void sends_to_the_declared_queue_are_throttled(SqsClient sqs, @QueueUrl("orders") String orders,
                DynamoDbClient dynamo) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")))
                    .isInstanceOf(RequestThrottledException.class);
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("42")))); // retried
        }
    }
}
