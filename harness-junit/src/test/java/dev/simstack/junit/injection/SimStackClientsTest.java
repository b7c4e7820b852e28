package dev.simstack.junit.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.Table;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builders the app makes itself, pointed at the stack in one line. */
@SimStack(regions = {"us-east-1", "us-west-2"}, queues = @Queue(name = "orders"),
        tables = @Table(name = "orders", partitionKey = "id", region = "us-west-2"), buckets = @Bucket(name = "receipts"))
class SimStackClientsTest {

    @Test
    void configure_points_a_builder_at_the_stack(Stack stack) {
        // docs:clients-start
        SqsClient sqs = SimStackClients.configure(SqsClient.builder(), stack).build();
        DynamoDbClient west = SimStackClients.configure(DynamoDbClient.builder(), stack, "us-west-2").build();
        // docs:clients-end
        try (sqs; west; S3Client s3 = SimStackClients.configure(S3Client.builder(), stack).build()) {
            assertThat(sqs.listQueues().queueUrls()).singleElement().asString().endsWith("/orders");
            assertThat(west.listTables().tableNames()).containsExactly("orders");
            s3.putObject(b -> b.bucket("receipts").key("r"), RequestBody.fromString("paid"));
            assertThat(stack.bucket("receipts").keys()).containsExactly("r");
        }
    }

    @Test
    void the_docs_show_it_as_it_is_here() {
        DocSnippets.assertShows("docs/junit.md", SimStackClientsTest.class, "clients");
    }
}
