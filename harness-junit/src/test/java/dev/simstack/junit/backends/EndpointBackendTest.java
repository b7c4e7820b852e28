package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ScalarAttributeType;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.Index;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The ENDPOINT backend against another SimStack stack standing in for a LocalStack-compatible endpoint: the
 * declared queues, tables and buckets are created there through the AWS APIs, the tests run against them, and
 * everything is deleted when the class ends, passed or failed.
 */
class EndpointBackendTest {

    @Test
    void declared_resources_are_created_on_the_endpoint_used_by_the_tests_and_deleted_after_the_class() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(standIn.asEndpoint(), Shop.class),
                    printed);

            Kit.assertPassed(results, 3);
            assertThat(printed[0]).containsPattern("SimStack: Shop on backend ENDPOINT " + standIn.endpoint()
                    + " created \\[queue orders-dlq \\(us-east-1\\), queue orders \\(us-east-1\\), table orders"
                    + " \\(us-east-1\\), bucket receipts \\(us-east-1\\)\\], tagged simstack:run=[0-9a-z]{8}\n");
            assertThat(printed[0]).contains("SimStack: Shop on backend ENDPOINT " + standIn.endpoint() + " deleted"
                    + " [bucket receipts (us-east-1), table orders (us-east-1), queue orders (us-east-1), queue"
                    + " orders-dlq (us-east-1)]\n");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void the_backends_page_shows_the_example() {
        DocSnippets.assertShows("docs/backends.md", EndpointBackendTest.class, "endpoint");
    }

    @Test
    void the_resources_are_deleted_after_a_failing_class_too() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(standIn.asEndpoint(), FailsAfterSending.class);

            assertThat(Kit.failureMessages(results)).containsExactly("the class fails after sending");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void without_a_url_the_endpoint_backend_says_how_to_give_one() {
        EngineExecutionResults results = Kit.run(Map.of("simstack.backend", "endpoint"), FailsAfterSending.class);

        assertThat(Kit.failureMessages(results)).containsExactly("@SimStack on FailsAfterSending runs on backend"
                + " ENDPOINT but no endpoint is given: say where it listens with @SimStack(endpoint ="
                + " \"http://localhost:4566\") or -Dsimstack.endpoint=http://localhost:4566");
    }

    // docs:endpoint-start
    @SimStack(backend = Backend.ENDPOINT,
            queues = {@Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 3),
                      @Queue(name = "orders-dlq")},
            tables = @Table(name = "orders", partitionKey = "id", sortKey = "at",
                    globalIndexes = @Index(name = "by-customer", partitionKey = "customer"),
                    localIndexes = @Index(name = "by-total", sortKey = "total", sortKeyType = ScalarAttributeType.N)),
            buckets = @Bucket(name = "receipts", versioning = true))
    static class Shop {

        @Test
        void the_queue_redrives_to_its_dead_letter_queue(SqsClient sqs, @QueueUrl("orders") String orders,
                @QueueUrl("orders-dlq") String deadLetters) {
            String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetters)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(orders).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(deadLetterArn).contains("\"maxReceiveCount\":3");
            assertThat(sqs.listQueueTags(b -> b.queueUrl(orders)).tags()).containsKey("simstack:run");

            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"42\"}"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).hasSize(1);
        }
        // docs:endpoint-end

        @Test
        void the_table_has_its_keys_and_indexes(DynamoDbClient dynamo) {
            TableDescription table = dynamo.describeTable(b -> b.tableName("orders")).table();
            assertThat(table.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-customer"));
            assertThat(table.localSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-total"));

            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("42"),
                    "at", AttributeValue.fromS("2026-12-03"), "customer", AttributeValue.fromS("c-1"),
                    "total", AttributeValue.fromN("12"))));
            assertThat(dynamo.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        }

        @Test
        void the_bucket_keeps_versions(S3Client s3) {
            s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("first"));
            s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("second"));

            assertThat(s3.getBucketVersioning(b -> b.bucket("receipts")).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(s3.listObjectVersions(b -> b.bucket("receipts")).versions()).hasSize(2);
        }
    }

    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"))
    static class FailsAfterSending {

        @Test
        void sends(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("left behind"));
            throw new AssertionError("the class fails after sending");
        }
    }
}
