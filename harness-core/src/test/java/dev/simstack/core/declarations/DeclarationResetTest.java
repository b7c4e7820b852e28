package dev.simstack.core.declarations;

import dev.simstack.core.reset.ResetClients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.BucketSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Declared tables and buckets are emptied by a reset and created again, whole or per service. */
class DeclarationResetTest {

    private Stack stack;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
                .withTable(TableSpec.named("orders").withPartitionKey("id").withReplicas("eu-west-1"))
                .withQueue(QueueSpec.named("uploads"))
                .withBucket(BucketSpec.named("receipts").withVersioning().notifyQueue("uploads", "s3:ObjectCreated:*"))
                .start();
        dynamo = Clients.dynamo(stack, "us-east-1");
        s3 = Clients.s3(stack, "us-east-1");
        sqs = Clients.sqs(stack, "us-east-1");
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o1"))));
        s3.putObject(b -> b.bucket("receipts").key("r1"), Clients.text("one"));
    }

    @AfterEach
    void stop() {
        dynamo.close();
        s3.close();
        sqs.close();
        stack.close();
    }

    @Test
    void a_stack_reset_empties_and_recreates_every_declared_table_and_bucket() {
        stack.reset();

        assertThat(dynamo.scan(b -> b.tableName("orders")).count()).isZero();
        try (DynamoDbClient europe = Clients.dynamo(stack, "eu-west-1")) {
            assertThat(europe.describeTable(b -> b.tableName("orders")).table().replicas())
                    .extracting(r -> r.regionName()).containsExactly("us-east-1");
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).keyCount()).isZero();
        assertThat(s3.getBucketVersioning(b -> b.bucket("receipts")).status())
                .isEqualTo(BucketVersioningStatus.ENABLED);
        assertPutNotifiesQueue("r2");
    }

    @Test
    void a_dynamodb_reset_recreates_the_table_and_keeps_the_bucket() {
        HttpResponse<String> answer = ResetClients.http(stack, "POST", "/_localstack/state/dynamodb/reset");

        assertThat(answer.body()).contains("{\"type\":\"AWS::DynamoDB::GlobalTable\",\"name\":\"orders\","
                + "\"region\":\"us-east-1\",\"id\":\"orders\",\"outcome\":\"created\"}")
                .contains("{\"type\":\"AWS::S3::Bucket\",\"name\":\"receipts\",\"region\":\"us-east-1\","
                        + "\"id\":\"receipts\",\"outcome\":\"existed\"}");
        assertThat(dynamo.describeTable(b -> b.tableName("orders")).table().itemCount()).isZero();
        assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).keyCount()).isEqualTo(1);
    }

    @Test
    void an_s3_reset_recreates_the_bucket_with_its_notification() {
        ResetClients.http(stack, "POST", "/_localstack/state/s3/reset");

        assertThat(s3.listObjectsV2(b -> b.bucket("receipts")).keyCount()).isZero();
        assertThat(dynamo.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        assertPutNotifiesQueue("r2");
    }

    @Test
    void an_sqs_reset_recreates_the_queue_the_kept_bucket_notifies() {
        ResetClients.http(stack, "POST", "/_localstack/state/sqs/reset");

        assertPutNotifiesQueue("r2");
    }

    private void assertPutNotifiesQueue(String key) {
        String url = sqs.getQueueUrl(b -> b.queueName("uploads")).queueUrl();
        sqs.purgeQueue(b -> b.queueUrl(url));
        s3.putObject(b -> b.bucket("receipts").key(key), Clients.text("two"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"key\":\"" + key + "\""));
    }
}
