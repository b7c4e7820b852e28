package dev.simstack.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.AwsService;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import dev.simstack.core.lambda.LambdaClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Ledger entries name their resource with its {@link ResourceRef}: the right service, region, account and
 * name, and an {@code arn()} equal to the ARN the SDK reads from the service. Traffic through the SDK, in a
 * region other than the stack's default where the service allows it.
 */
class LedgerResourceRefTest {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"));

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(3)
                .withFunction(FunctionSpec.named("echo", Handlers.Echo.class))
                .withFunction(FunctionSpec.named("recorder", Handlers.SqsRecorder.class))
                .withApi(ApiSpec.rest("shop").withRoute("GET /ping", Integration.lambda("echo")))
                .start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void message_entries_carry_the_queue_whose_arn_is_its_queue_arn_attribute() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String url = sqs.createQueue(b -> b.queueName("refunds")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody("r-1")).messageId();

            assertThat(stack.ledger().entries(LedgerEntry.Message.class)).filteredOn(m -> m.messageId().equals(id))
                    .singleElement().satisfies(message -> {
                        assertThat(message.queue()).isEqualTo(new ResourceRef(AwsService.SQS, "eu-west-1",
                                stack.accountId(), "refunds"));
                        assertThat(message.queue().arn()).isEqualTo(queueArn);
                    });
        }
    }

    @Test
    void item_write_entries_carry_the_table_whose_arn_is_its_table_arn() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            dynamo.createTable(b -> b.tableName("refunds").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            String tableArn = dynamo.describeTable(b -> b.tableName("refunds")).table().tableArn();
            dynamo.putItem(b -> b.tableName("refunds").item(Map.of("id", AttributeValue.fromS("r-1"))));

            assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).filteredOn(w -> w.key().equals("id=r-1"))
                    .singleElement().satisfies(write -> {
                        assertThat(write.table()).isEqualTo(new ResourceRef(AwsService.DYNAMODB, "eu-west-1",
                                stack.accountId(), "refunds"));
                        assertThat(write.table().arn()).isEqualTo(tableArn);
                    });
        }
    }

    @Test
    void invocation_entries_carry_the_unqualified_function_and_an_sqs_trigger_names_the_queue_arn() {
        try (LambdaClient lambda = LambdaClients.of(stack);
                SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String functionArn = lambda.getFunction(b -> b.functionName("echo")).configuration().functionArn();
            String requestId = lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{}")))
                    .responseMetadata().requestId();

            assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                    .filteredOn(i -> i.requestId().equals(requestId)).singleElement().satisfies(invocation -> {
                        assertThat(invocation.function()).isEqualTo(new ResourceRef(AwsService.LAMBDA, "us-east-1",
                                stack.accountId(), "echo"));
                        assertThat(invocation.function().arn()).isEqualTo(functionArn);
                        assertThat(invocation.trigger()).isEqualTo("invoke");
                    });

            String url = sqs.createQueue(b -> b.queueName("to-record")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            lambda.createEventSourceMapping(b -> b.functionName("recorder").eventSourceArn(queueArn).batchSize(1));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stack.ledger()
                    .entries(LedgerEntry.Invocation.class)).filteredOn(i -> i.function().name().equals("recorder"))
                    .isNotEmpty().allSatisfy(i -> assertThat(i.trigger()).isEqualTo("sqs:" + queueArn)));
        }
    }

    @Test
    void api_request_entries_carry_the_api_named_by_its_id() throws Exception {
        String apiId;
        try (ApiGatewayClient apis = ApiGatewayClient.builder().endpointOverride(stack.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            apiId = apis.getRestApis().items().stream().filter(api -> api.name().equals("shop")).findFirst()
                    .orElseThrow().id();
        }
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.api("shop").url() + "/ping"))
                .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class)).singleElement().satisfies(request -> {
            assertThat(request.api()).isEqualTo(new ResourceRef(AwsService.APIGATEWAY, "us-east-1",
                    stack.accountId(), apiId));
            assertThat(request.api().arn()).isEqualTo("arn:aws:apigateway:us-east-1::/restapis/" + apiId);
            assertThat(request.routeKey()).isEqualTo("GET /ping");
        });
    }
}
