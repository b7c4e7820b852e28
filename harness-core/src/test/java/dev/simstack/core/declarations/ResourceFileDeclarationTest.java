package dev.simstack.core.declarations;

import dev.simstack.core.reset.ResetClients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A resource file declared in StackConfig is applied at start, after the declared resources, and on reset. */
class ResourceFileDeclarationTest {

    private static Path file(String name) {
        try {
            return Path.of(ResourceFileDeclarationTest.class.getResource("/resource-files/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_init_file_is_applied_at_start_and_again_after_a_reset() {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withResourceFile(file("orders-init.yaml")).start();
             DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1");
             S3Client s3 = Clients.s3(stack, "us-east-1")) {
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"),
                    "sk", AttributeValue.fromS("b"))));

            List<Resource> recreated = stack.reset();

            assertThat(recreated).extracting(Resource::logicalId).contains("orders", "receipts", "worker");
            assertThat(dynamo.scan(b -> b.tableName("orders")).count()).isZero();
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("receipts", "archive");
        }
    }

    @Test
    void a_template_is_applied_after_the_declared_resources_and_again_after_a_per_service_reset() {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("declared"))
                .withResourceFile(file("orders-sam.yaml")).start();
             SqsClient sqs = Clients.sqs(stack, "us-east-1");
             DynamoDbClient dynamo = Clients.dynamo(stack, "us-east-1")) {
            assertThat(sqs.listQueues().queueUrls()).anySatisfy(url -> assertThat(url).endsWith("/orders-test"));

            String answer = ResetClients.http(stack, "POST", "/_localstack/state/sqs/reset").body();

            assertThat(answer).contains("\"name\":\"declared\"").contains("\"name\":\"OrdersQueue\"");
            assertThat(sqs.listQueues().queueUrls()).anySatisfy(url -> assertThat(url).endsWith("/orders-test"));
            assertThat(dynamo.listTables().tableNames()).contains("orders-test");
        }
    }

    @Test
    void what_the_file_finds_already_there_is_reported_as_existed() {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withResourceFile(file("orders-init.yaml")).start()) {
            ResetClients.http(stack, "POST", "/_localstack/state/sqs/reset");

            assertThat(stack.apply(file("orders-init.yaml")).resources())
                    .filteredOn(r -> r.logicalId().equals("orders") && r.type().equals("AWS::DynamoDB::Table"))
                    .extracting(Resource::outcome).containsExactly(Outcome.EXISTED);
        }
    }
}
