package dev.simstack.junit.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.BucketHandle;
import dev.simstack.core.FunctionHandle;
import dev.simstack.core.Ledger;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.core.TableHandle;
import dev.simstack.junit.Api;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Function;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.Named;
import dev.simstack.junit.Provided;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@SimStack(regions = {"us-east-1", "us-west-2"},
        queues = {@Queue(name = "orders"), @Queue(name = "audit"), @Queue(name = "west", region = "us-west-2")},
        tables = @Table(name = "orders", partitionKey = "id", replicas = "us-west-2"),
        buckets = @Bucket(name = "receipts"),
        functions = @Function(name = "echo", handler = Echo.class),
        apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders")))
class InjectionTest {

    @Provided
    static Stack staticStack;
    static SqsClient fromBeforeAll;

    @Provided
    SqsClient sqsField;
    @Named("audit")
    QueueHandle auditField;
    @ApiUrl("shop")
    URI shopField;
    @InRegion("us-west-2")
    DynamoDbClient westField;

    private final Stack fromConstructor;

    InjectionTest(Stack stack) {
        this.fromConstructor = stack;
    }

    @BeforeAll
    static void beforeAll(SqsClient sqs) {
        assertThat(staticStack).isNotNull();
        fromBeforeAll = sqs;
    }

    @BeforeEach
    void beforeEach(Stack stack) {
        assertThat(stack).isSameAs(staticStack);
    }

    @Test
    void the_stack_its_clock_and_its_ledger(Stack stack, SimClock clock, Ledger ledger) {
        assertThat(stack).isSameAs(staticStack).isSameAs(fromConstructor);
        assertThat(clock).isSameAs(stack.clock());
        assertThat(ledger).isSameAs(stack.ledger());
    }

    @Test
    void clients_are_built_once_per_stack(SqsClient sqs) {
        assertThat(sqs).isSameAs(sqsField).isSameAs(fromBeforeAll);
    }

    @Test
    void handles_by_name_or_the_only_one_of_their_kind(@Named("orders") QueueHandle orders, TableHandle table,
            BucketHandle bucket, FunctionHandle function, ApiHandle api,
            @InRegion("us-west-2") @Named("west") QueueHandle west) {
        assertThat(orders.url()).endsWith("/orders");
        assertThat(auditField.url()).endsWith("/audit");
        assertThat(table.ref().name()).isEqualTo("orders");
        assertThat(bucket.ref().name()).isEqualTo("receipts");
        assertThat(function.ref().name()).isEqualTo("echo");
        assertThat(api.id()).isNotBlank();
        assertThat(west.ref().region()).isEqualTo("us-west-2");
    }

    @Test
    void urls_of_apis_and_queues(@ApiUrl("shop") URI shop, @ApiUrl("shop") String shopText,
            @QueueUrl("orders") String orders, @QueueUrl("orders") URI ordersUri, ApiHandle api) {
        assertThat(shop).isEqualTo(api.url()).isEqualTo(shopField);
        assertThat(shopText).isEqualTo(api.url().toString());
        assertThat(orders).isEqualTo(ordersUri.toString()).endsWith("/000000000000/orders");
    }

    @Test
    void sync_clients_of_every_service_reach_the_stack(SqsClient sqs, DynamoDbClient dynamo, S3Client s3,
            LambdaClient lambda, ApiGatewayClient apiGateway) {
        assertThat(sqs.listQueues().queueUrls()).hasSize(2);
        assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
        s3.putObject(b -> b.bucket("receipts").key("r1"), RequestBody.fromString("paid"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("receipts").key("r1")).asUtf8String()).isEqualTo("paid");
        assertThat(lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")))
                .payload().asUtf8String()).isEqualTo("{\"a\":1}");
        assertThat(apiGateway.getRestApis().items()).extracting(a -> a.name()).containsExactly("shop");
    }

    @Test
    void async_clients_too(SqsAsyncClient sqs, DynamoDbAsyncClient dynamo, S3AsyncClient s3, LambdaAsyncClient lambda) {
        assertThat(sqs.listQueues().join().queueUrls()).hasSize(2);
        assertThat(dynamo.listTables().join().tableNames()).containsExactly("orders");
        assertThat(s3.listBuckets().join().buckets()).extracting(b -> b.name()).containsExactly("receipts");
        assertThat(lambda.listFunctions().join().functions()).extracting(f -> f.functionName()).containsExactly("echo");
    }

    @Test
    void clients_of_another_region(@InRegion("us-west-2") SqsClient west, @InRegion("us-west-2") DynamoDbClient dynamo) {
        assertThat(west.listQueues().queueUrls()).singleElement().asString().endsWith("/west");
        assertThat(westField).isSameAs(dynamo);
        assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.US_WEST_2);
        assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
    }

    @Test
    void the_enhanced_clients_and_the_presigner(DynamoDbEnhancedClient enhanced, DynamoDbEnhancedAsyncClient async,
            S3Presigner presigner, S3Client s3) throws Exception {
        Order order = new Order();
        order.setId("o-1");
        order.setStatus("PAID");
        enhanced.table("orders", TableSchema.fromBean(Order.class)).putItem(order);
        Order read = async.table("orders", TableSchema.fromBean(Order.class))
                .getItem(Key.builder().partitionValue("o-1").build()).join();
        assertThat(read.getStatus()).isEqualTo("PAID");

        s3.putObject(b -> b.bucket("receipts").key("o-1.json"), RequestBody.fromString("{\"paid\":true}"));
        URL url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("receipts").key("o-1.json"))).url();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("{\"paid\":true}");
    }
}
