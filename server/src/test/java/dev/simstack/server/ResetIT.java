package dev.simstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/**
 * {@code POST /_localstack/state/reset} on the launcher, through the shaded jar: everything goes, and the
 * resources of {@code --template} and {@code --init} come back as right after start, made with the fault
 * plan paused; the plan applies again afterwards.
 */
class ResetIT {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"));

    @Test
    void aResetBringsBackTheTemplateAndInitResourcesAndEmptiesTheRest(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: orders
                      VisibilityTimeout: 60
                """);
        Path init = Files.createDirectory(dir.resolve("init"));
        Files.writeString(init.resolve("10-resources.yaml"), "queues: [audit]\nbuckets: [receipts]\n");
        Path plan = Files.writeString(dir.resolve("faults.yaml"), """
                faults:
                  - {service: sqs, operation: CreateQueue, error: throttle}
                """);
        try (LaunchedServer server = LaunchedServer.start("--port", "0", "--template", template.toString(),
                "--init", init.toString(), "--faults", plan.toString());
                SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                        .build();
                S3Client s3 = S3Client.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).forcePathStyle(true).build();
                DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint)
                        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build()) {
            String orders = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("left over"));
            s3.createBucket(b -> b.bucket("scratch"));
            s3.putObject(b -> b.bucket("receipts").key("r-1"), software.amazon.awssdk.core.sync.RequestBody
                    .fromString("receipt"));
            dynamo.createTable(b -> b.tableName("scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));

            HttpResponse<String> answer = post(server.endpoint.resolve("/_localstack/state/reset"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"reset\":true,").contains("\"name\":\"Orders\"")
                    .contains("\"name\":\"audit\"").contains("\"name\":\"receipts\"");
            assertThat(sqs.listQueues().queueUrls()).hasSize(2).anyMatch(url -> url.endsWith("/orders"))
                    .anyMatch(url -> url.endsWith("/audit"));
            String again = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(again).attributeNamesWithStrings("VisibilityTimeout"))
                    .attributesAsStrings()).containsEntry("VisibilityTimeout", "60");
            assertThat(sqs.receiveMessage(b -> b.queueUrl(again)).messages()).isEmpty();
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("receipts");
            assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).contents()).isEmpty();
            assertThat(dynamo.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("after")))
                    .as("the fault plan applies again after the files").isInstanceOf(RequestThrottledException.class);
            server.outputOnceItContains("Reset: every service is empty; applying the resource files again.");
        }
    }

    @Test
    void otherMethodsThanPostAreRefused() throws Exception {
        try (LaunchedServer server = LaunchedServer.start("--port", "0")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.endpoint.resolve("/_simstack/reset")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(405);
            assertThat(answer.body()).contains("is a POST");
        }
    }

    private static HttpResponse<String> post(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
