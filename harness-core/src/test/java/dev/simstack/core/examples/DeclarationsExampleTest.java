package dev.simstack.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.BucketSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.IndexSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ScalarAttributeType;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.StreamViewType;
import dev.simstack.core.TableSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The README's example of resources declared in a StackConfig, compiled and run. Keep the two in step. */
class DeclarationsExampleTest {

    private static final StaticCredentialsProvider TEST = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"));

    @Test
    void declarations_example() {
        // README:begin
        StackConfig config = StackConfig.defaults()
                .withRegions("us-east-1", "eu-west-1")
                .withClock(ClockSpec.manual())
                .withTable(TableSpec.named("orders").withPartitionKey("id")
                        .withSortKey("placedAt", ScalarAttributeType.N)
                        .withGlobalSecondaryIndex(IndexSpec.named("byCustomer").withPartitionKey("customerId"))
                        .withStream(StreamViewType.NEW_AND_OLD_IMAGES)
                        .withTimeToLive("expiresAt")
                        .withReplicas("eu-west-1"))                    // a global table
                .withBucket(BucketSpec.named("receipts").withVersioning()
                        .notifyQueue("uploads", "s3:ObjectCreated:*"))  // declared before its queue: fine
                .withQueue(QueueSpec.named("uploads"));
        // .withResourceFile(Path.of("template.yaml")) applies a SAM template or an init file too

        try (Stack stack = config.start();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(TEST).build();
             DynamoDbClient europe = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                     .region(Region.EU_WEST_1).credentialsProvider(TEST).build();
             S3Client s3 = S3Client.builder().endpointOverride(stack.endpoint()).forcePathStyle(true)
                     .region(Region.US_EAST_1).credentialsProvider(TEST).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(TEST).build()) {

            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o1"),
                    "placedAt", AttributeValue.fromN("1700000000"))));
            stack.clock().advance(Duration.ofSeconds(1));           // global tables replicate after a lag
            assertThat(europe.scan(b -> b.tableName("orders")).count()).isEqualTo(1);

            s3.putObject(b -> b.bucket("receipts").key("r1.json"), RequestBody.fromString("{}"));
            String uploads = sqs.getQueueUrl(b -> b.queueName("uploads")).queueUrl();
            assertThat(sqs.receiveMessage(b -> b.queueUrl(uploads)).messages()).hasSize(1);

            stack.reset();                                         // emptied, then declared again
            assertThat(dynamo.scan(b -> b.tableName("orders")).count()).isZero();
            assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).keyCount()).isZero();
        }
        // README:end
    }
}
