package dev.simstack.core.interception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.Handlers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * What an interceptor reads from a call through the public API only: the resource it addresses and its input
 * members as plain Java values, for every service, as the real SDK clients send them.
 */
class ServiceCallTest {

    private static final List<ServiceCall> CALLS = new CopyOnWriteArrayList<>();
    private static Stack stack;
    private static SqsClient sqs;
    private static DynamoDbClient dynamodb;
    private static S3Client s3;
    private static LambdaClient lambda;
    private static ApiGatewayClient apigateway;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withFunction(FunctionSpec.named("echo", Handlers.Echo.class))
                .withInterceptor((call, next) -> {
                    CALLS.add(call);
                    return next.proceed(call);
                }).start();
        sqs = Clients.of(SqsClient.builder(), stack);
        dynamodb = Clients.of(DynamoDbClient.builder(), stack);
        s3 = Clients.of(S3Client.builder().forcePathStyle(true), stack);
        lambda = Clients.of(LambdaClient.builder(), stack);
        apigateway = Clients.of(ApiGatewayClient.builder(), stack);
        for (String table : new String[] {"orders", "audit"}) {
            dynamodb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable client : new AutoCloseable[] {sqs, dynamodb, s3, lambda, apigateway, stack}) {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void forget() {
        CALLS.clear();
    }

    /** The one call of {@code operation} seen since the test began. */
    private static ServiceCall call(String operation) {
        return CALLS.stream().filter(c -> c.operation().equals(operation)).reduce((a, b) -> {
            throw new AssertionError("more than one " + operation + " call: " + CALLS);
        }).orElseThrow(() -> new AssertionError("no " + operation + " call among " + CALLS));
    }

    private static ResourceRef ref(ServiceCall call) {
        return call.resource().orElse(null);
    }

    @Test
    void an_sqs_call_addresses_the_queue_of_its_url_or_its_name() {
        String url = sqs.createQueue(b -> b.queueName("jobs")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello").delaySeconds(0));
        sqs.listQueues();

        ResourceRef jobs = ResourceRef.queue("us-east-1", stack.accountId(), "jobs");
        assertThat(ref(call("CreateQueue"))).isEqualTo(jobs);
        assertThat(ref(call("SendMessage"))).isEqualTo(jobs);
        assertThat(call("SendMessage").member("MessageBody")).contains("hello");
        assertThat(call("SendMessage").member("DelaySeconds")).contains(BigDecimal.ZERO);
        assertThat(call("SendMessage").member("QueueUrl")).contains(url);
        assertThat(call("ListQueues").resource()).isEmpty();
    }

    @Test
    void a_url_of_another_account_names_that_account() {
        String url = "http://localhost:" + stack.port() + "/123456789012/jobs";
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThat(ref(call("SendMessage"))).isEqualTo(ResourceRef.queue("us-east-1", "123456789012", "jobs"));
    }

    @Test
    void dynamodb_members_are_plain_values_in_the_json_protocols_shape() {
        dynamodb.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"),
                "total", AttributeValue.fromN("12.50"), "paid", AttributeValue.fromBool(true),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))))));
        dynamodb.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))
                .consistentRead(true));

        ServiceCall put = call("PutItem");
        assertThat(ref(put)).isEqualTo(ResourceRef.table("us-east-1", stack.accountId(), "orders"));
        assertThat(put.member("Item")).get().isEqualTo(Map.of("id", Map.of("S", "o-1"), "total", Map.of("N", "12.50"),
                "paid", Map.of("BOOL", true), "lines", Map.of("L", List.of(Map.of("S", "a")))));
        assertThat(put.members()).containsOnlyKeys("TableName", "Item");
        assertThat(call("GetItem").member("ConsistentRead")).contains(Boolean.TRUE);
        assertThat(call("GetItem").member("ReturnValues")).isEmpty();
    }

    @Test
    void a_batch_or_transaction_addresses_its_table_only_when_it_has_one() {
        WriteRequest put = WriteRequest.builder().putRequest(p -> p.item(Map.of("id", AttributeValue.fromS("b"))))
                .build();
        dynamodb.batchWriteItem(b -> b.requestItems(Map.of("orders", List.of(put))));
        dynamodb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(Map.of("id", AttributeValue.fromS("t"))))
                        .build(),
                TransactWriteItem.builder().put(p -> p.tableName("audit").item(Map.of("id", AttributeValue.fromS("t"))))
                        .build()));

        assertThat(ref(call("BatchWriteItem"))).isEqualTo(ResourceRef.table("us-east-1", stack.accountId(), "orders"));
        assertThat(call("TransactWriteItems").resource()).isEmpty();
    }

    @Test
    void an_s3_call_shows_its_bucket_and_key_and_nothing_of_the_http_binding() {
        s3.createBucket(b -> b.bucket("receipts"));
        s3.putObject(b -> b.bucket("receipts").key("2024/r-1.json").contentType("application/json"),
                RequestBody.fromString("{}"));

        ServiceCall put = call("PutObject");
        assertThat(ref(put)).isEqualTo(ResourceRef.bucket("us-east-1", stack.accountId(), "receipts"));
        assertThat(put.members()).isEqualTo(Map.of("Bucket", "receipts", "Key", "2024/r-1.json"));
        assertThat(put.member("Body")).isEmpty();
        assertThat(put.member("Headers")).isEmpty();
    }

    @Test
    void a_lambda_call_addresses_its_function_whatever_form_names_it_and_shows_the_payload_as_bytes() {
        String account = stack.accountId();
        for (String name : new String[] {"echo", "echo:$LATEST", account + ":function:echo",
            "arn:aws:lambda:us-east-1:" + account + ":function:echo", "arn:aws:lambda:us-east-1:" + account
                    + ":function:echo:$LATEST"}) {
            CALLS.clear();
            lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"n\":1}")));
            ServiceCall invoke = call("Invoke");
            assertThat(ref(invoke)).as(name).isEqualTo(ResourceRef.function("us-east-1", account, "echo"));
            assertThat(invoke.member("Payload")).as(name).get()
                    .isEqualTo("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(invoke.members().keySet()).as(name).noneMatch(member -> member.startsWith("__"));
        }
    }

    @Test
    void an_api_gateway_call_addresses_the_rest_api_of_its_path() {
        String id = apigateway.createRestApi(b -> b.name("shop")).id();
        apigateway.getRestApi(b -> b.restApiId(id));

        assertThat(call("CreateRestApi").resource()).isEmpty();
        assertThat(call("CreateRestApi").member("name")).contains("shop");
        assertThat(ref(call("GetRestApi"))).isEqualTo(ResourceRef.api("us-east-1", stack.accountId(), id));
    }

    @Test
    void members_are_copies_an_interceptor_cannot_change() {
        lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("[1]")));
        ServiceCall invoke = call("Invoke");
        byte[] payload = (byte[]) invoke.member("Payload").orElseThrow();
        payload[0] = 'X';

        assertThat(invoke.member("Payload")).get().isEqualTo("[1]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> invoke.members().put("FunctionName", "other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_ledger_records_the_service_and_resource_of_each_request() {
        String url = sqs.createQueue(b -> b.queueName("ledgered")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));

        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).last().satisfies(request -> {
            assertThat(request.service()).isEqualTo(AwsService.SQS);
            assertThat(request.operation()).isEqualTo("SendMessage");
            assertThat(request.resource()).isEqualTo(ResourceRef.queue("us-east-1", stack.accountId(), "ledgered"));
        });
    }
}
