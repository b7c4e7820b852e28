package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AppliedResources;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.s3.ScratchFiles;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code Stack.reset()} returns every service to the state right after start, in every region, clears the
 * ledger, and leaves the clock, the random source, the port and the clients as they were.
 */
class StackResetTest {

    /** Larger than S3's in-memory limit, and a size no other test uses, so its scratch file is recognisable. */
    private static final int LARGE = 2 * 1024 * 1024 + 331;

    @Test
    void reset_empties_every_service_in_every_region() throws IOException {
        try (Stack stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1").start();
                SqsClient sqs = ResetClients.sqs(stack); SqsClient sqsEu = ResetClients.sqs(stack, Region.EU_WEST_1);
                DynamoDbClient dynamo = ResetClients.dynamo(stack); S3Client s3 = ResetClients.s3(stack);
                LambdaClient lambda = ResetClients.lambda(stack); ApiGatewayClient api = ResetClients.apiGateway(stack)) {
            String work = sqs.createQueue(b -> b.queueName("work")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(work).messageBody("pending"));
            String audit = sqsEu.createQueue(b -> b.queueName("audit")).queueUrl();
            sqsEu.sendMessage(b -> b.queueUrl(audit).messageBody("pending").delaySeconds(30));
            createTable(dynamo, "orders");
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"))));
            s3.createBucket(b -> b.bucket("receipts"));
            s3.putObject(b -> b.bucket("receipts").key("small"), RequestBody.fromString("receipt"));
            s3.putObject(b -> b.bucket("receipts").key("large"), RequestBody.fromBytes(new byte[LARGE]));
            s3.createMultipartUpload(b -> b.bucket("receipts").key("in-progress"));
            Path scratch = ScratchFiles.directoryHolding(LARGE);
            assertThat(scratch).as("a scratch directory holding the large object").isNotNull();
            createFunction(lambda, "upper");
            lambda.publishVersion(b -> b.functionName("upper"));
            lambda.createAlias(b -> b.functionName("upper").name("live").functionVersion("1"));
            lambda.createEventSourceMapping(b -> b.functionName("upper").enabled(false)
                    .eventSourceArn(stack.queue("work").arn()));
            api.createRestApi(b -> b.name("shop"));
            String keyId = api.createApiKey(b -> b.name("partner").enabled(true)).id();
            String planId = api.createUsagePlan(b -> b.name("gold")).id();

            List<AppliedResources.Resource> recreated = stack.reset();

            assertThat(recreated).as("nothing is declared in the configuration").isEmpty();
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(sqsEu.listQueues().queueUrls()).isEmpty();
            assertThat(dynamo.listTables().tableNames()).isEmpty();
            assertThat(s3.listBuckets().buckets()).isEmpty();
            assertThat(ScratchFiles.sizes(scratch)).as("the scratch files of the objects").doesNotContain((long) LARGE);
            assertThat(lambda.listFunctions().functions()).isEmpty();
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
            assertThat(api.getRestApis().items()).isEmpty();
            assertThatThrownBy(() -> api.getUsagePlan(b -> b.usagePlanId(planId)))
                    .isInstanceOf(NotFoundException.class);
            String newPlan = api.createUsagePlan(b -> b.name("gold")).id();
            assertThatThrownBy(() -> api.createUsagePlanKey(b -> b.usagePlanId(newPlan).keyId(keyId).keyType("API_KEY")))
                    .as("the API key is gone").isInstanceOf(NotFoundException.class);
            assertThat(stack.isRunning()).isTrue();
        }
    }

    @Test
    void resources_can_be_created_again_with_the_same_names_and_start_empty() {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack);
                DynamoDbClient dynamo = ResetClients.dynamo(stack); S3Client s3 = ResetClients.s3(stack);
                LambdaClient lambda = ResetClients.lambda(stack)) {
            String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("before"));
            createTable(dynamo, "orders");
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("before"))));
            s3.createBucket(b -> b.bucket("orders"));
            s3.putObject(b -> b.bucket("orders").key("before"), RequestBody.fromString("x"));
            createFunction(lambda, "orders");
            String deleted = sqs.createQueue(b -> b.queueName("deleted")).queueUrl();
            sqs.deleteQueue(b -> b.queueUrl(deleted)); // SQS refuses its name for 60 s; a fresh stack does not

            stack.reset();

            String again = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
            assertThat(again).isEqualTo(url);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(again)).messages()).isEmpty();
            sqs.createQueue(b -> b.queueName("deleted"));
            createTable(dynamo, "orders");
            assertThat(dynamo.scan(b -> b.tableName("orders")).items()).isEmpty();
            s3.createBucket(b -> b.bucket("orders"));
            assertThat(s3.listObjectsV2(b -> b.bucket("orders")).contents()).isEmpty();
            createFunction(lambda, "orders");
            assertThat(lambda.invoke(b -> b.functionName("orders").payload(SdkBytes.fromUtf8String("\"again\"")))
                    .payload().asUtf8String()).isEqualTo("\"AGAIN\"");
        }
    }

    @Test
    void reset_clears_the_ledger_and_the_clock_goes_on_from_where_it_was() {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).start();
                SqsClient sqs = ResetClients.sqs(stack)) {
            sqs.createQueue(b -> b.queueName("work"));
            stack.clock().advance(Duration.ofHours(1));
            Instant before = stack.clock().now();
            long lastSequence = stack.ledger().entries().get(stack.ledger().size() - 1).sequence();

            stack.reset();

            assertThat(stack.ledger().entries()).isEmpty();
            assertThat(stack.clock().now()).isEqualTo(before);
            sqs.listQueues();
            assertThat(stack.ledger().entries(LedgerEntry.Request.class)).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.operation()).isEqualTo("ListQueues");
                        assertThat(entry.sequence()).as("sequence numbers never repeat").isGreaterThan(lastSequence);
                        assertThat(entry.at()).isEqualTo(before);
                    });
        }
    }

    @Test
    void the_random_source_goes_on_and_is_not_rewound() {
        long afterReset;
        try (Stack stack = StackConfig.defaults().withSeed(42).start()) {
            stack.random().nextLong();
            stack.reset();
            afterReset = stack.random().nextLong();
        }
        try (Stack fresh = StackConfig.defaults().withSeed(42).start()) {
            long first = fresh.random().nextLong();
            assertThat(afterReset).isEqualTo(fresh.random().nextLong()).isNotEqualTo(first);
        }
    }

    @Test
    void resources_the_configuration_declares_are_created_again_empty() {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("declared")).start();
                SqsClient sqs = ResetClients.sqs(stack)) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("declared").url()).messageBody("before"));

            List<AppliedResources.Resource> recreated = stack.reset();

            assertThat(recreated).singleElement().satisfies(resource -> {
                assertThat(resource.logicalId()).isEqualTo("declared");
                assertThat(resource.type()).isEqualTo("AWS::SQS::Queue");
                assertThat(resource.outcome()).isEqualTo(AppliedResources.Outcome.CREATED);
            });
            assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queue("declared").url())).messages()).isEmpty();
        }
    }

    @Test
    void reset_listeners_run_after_the_emptying_until_their_handle_is_closed(@TempDir Path dir) throws Exception {
        Path init = Files.writeString(dir.resolve("init.yaml"), "queues: [from-file]\n");
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack)) {
            AutoCloseable listening = stack.onReset(reset -> List.of(reset.apply(init)));
            sqs.createQueue(b -> b.queueName("scratch"));

            List<AppliedResources.Resource> recreated = stack.reset();

            assertThat(recreated).extracting(AppliedResources.Resource::logicalId).containsExactly("from-file");
            assertThat(sqs.listQueues().queueUrls()).singleElement().asString().endsWith("/from-file");
            listening.close();
            stack.reset();
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }
    }

    static void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    static void createFunction(LambdaClient lambda, String name) {
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21)
                .handler(Handlers.UpperCase.class.getName()).role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the class path"))));
    }

    /** The stack's scratch directory (in java.io.tmpdir): the one holding an object file of {@code size} bytes. */
}
