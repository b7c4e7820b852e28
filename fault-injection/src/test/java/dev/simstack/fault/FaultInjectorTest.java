package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/** Fault plans applied to a stack, observed through the real SDK clients and the ledger. */
class FaultInjectorTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan, long seed, ClockSpec clock) {
        Stack stack = StackConfig.defaults().withSeed(seed).withClock(clock)
                .withInterceptor(new FaultInjector(plan)).start();
        open.add(stack);
        return stack;
    }

    private DynamoDbClient dynamodb(Stack stack, RetryMode retries) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private DynamoDbClient dynamodbWithoutRetries(Stack stack) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    private static void put(DynamoDbClient client, String table, String id) {
        client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static List<LedgerEntry.Request> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null).toList();
    }

    @Test
    void throttledPutsAreRetriedByTheSdkAndMarkedInTheLedger() {
        FaultPlan plan = FaultPlan.of(FaultRule.throttle("dynamodb", "PutItem").withTimes(2));
        Stack stack = start(plan, 1, ClockSpec.real());
        DynamoDbClient client = dynamodb(stack, RetryMode.STANDARD); // 3 attempts
        createTable(client, "orders");

        put(client, "orders", "a"); // attempts 1 and 2 throttled, 3 succeeds

        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("a"))))
                .hasItem()).isTrue();
        assertThat(faulted(stack)).hasSize(2).allSatisfy(request -> {
            assertThat(request.operation()).isEqualTo("PutItem");
            assertThat(request.status()).isEqualTo(400);
            assertThat(request.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(request.fault()).isEqualTo("throttle dynamodb.PutItem");
        });
    }

    @Test
    void withoutRetriesTheCallerSeesAwsExactThrottlingError() {
        Stack stack = start(FaultPlan.of(FaultRule.throttle("dynamodb", "PutItem")), 1, ClockSpec.real());
        DynamoDbClient client = dynamodb(stack, RetryMode.STANDARD);
        createTable(client, "orders");
        DynamoDbClient noRetries = dynamodbWithoutRetries(stack);

        assertThatThrownBy(() -> put(noRetries, "orders", "a"))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned "
                            + "throughput for the table was exceeded. Consider increasing your provisioning level "
                            + "with the UpdateTable API.");
                    assertThat(e.isThrottlingException()).isTrue();
                });
    }

    @Test
    void rulesMatchTheirResourceOnly() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - name: orders-down
                    service: dynamodb
                    operation: [PutItem, GetItem]
                    resource: orders
                    error: internal
                """, "plan.yaml");
        Stack stack = start(plan, 1, ClockSpec.real());
        DynamoDbClient client = dynamodb(stack, RetryMode.STANDARD);
        createTable(client, "orders");
        createTable(client, "audit");

        put(client, "audit", "a");
        assertThatThrownBy(() -> put(client, "orders", "a"))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(faulted(stack)).hasSize(3); // the SDK's three attempts
    }

    @Test
    void s3AndSqsAnswerWithTheirOwnThrottlingErrors() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {service: s3, operation: PutObject, error: throttle}
                  - {service: sqs, operation: SendMessage, error: throttle}
                """, "plan.yaml");
        Stack stack = start(plan, 1, ClockSpec.real());
        S3Client s3 = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(s3);
        open.add(sqs);
        s3.createBucket(b -> b.bucket("receipts"));
        String queue = sqs.createQueue(b -> b.queueName("orders")).queueUrl();

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("receipts").key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Please reduce your request rate.");
                });
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(queue).messageBody("x")))
                .isInstanceOfSatisfying(RequestThrottledException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(400));
    }

    @Test
    void latencyRunsOnTheStacksClock() throws Exception {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {service: dynamodb, operation: GetItem, latency: 2s}
                """, "plan.yaml");
        FaultInjector injector = new FaultInjector(plan);
        Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withInterceptor(injector).start();
        open.add(stack);
        DynamoDbClient client = dynamodb(stack, RetryMode.STANDARD);
        createTable(client, "orders");
        put(client, "orders", "a");

        CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(() -> client.getItem(b -> b
                .tableName("orders").key(Map.of("id", AttributeValue.fromS("a")))).hasItem());
        org.awaitility.Awaitility.await().until(() -> injector.injected(0) == 1); // held on the clock now
        stack.clock().advance(Duration.ofMillis(1_999));
        assertThat(read).isNotDone();
        stack.clock().advance(Duration.ofMillis(1));
        assertThat(read.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(faulted(stack)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.latency()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void theSameSeedFaultsTheSameCalls() {
        FaultPlan plan = FaultPlan.of(FaultRule.throttle("dynamodb", "PutItem").withProbability(0.3).withAfter(2));
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(plan, 99, ClockSpec.real());
            DynamoDbClient client = dynamodbWithoutRetries(stack);
            createTable(client, "orders");
            List<String> outcome = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "item-" + i;
                try {
                    put(client, "orders", id);
                    outcome.add("ok");
                } catch (ProvisionedThroughputExceededException e) {
                    outcome.add("throttled");
                }
            }
            runs.add(outcome);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
        assertThat(runs.get(0).subList(0, 2)).containsOnly("ok");
        assertThat(runs.get(0)).contains("throttled", "ok");
    }

    @Test
    void an_outer_interceptor_sees_the_fault_as_a_failed_result() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Stack stack = StackConfig.defaults().withSeed(1)
                .withInterceptor((call, next) -> next.proceed(call).thenApply(result -> {
                    seen.add(call.operation() + " " + result.succeeded() + " " + result.status() + " "
                            + result.errorCode().orElse("-"));
                    return result;
                }))
                .withInterceptor(new FaultInjector(FaultPlan.of(FaultRule.throttle(AwsService.DYNAMODB, "PutItem"))))
                .start();
        open.add(stack);
        DynamoDbClient client = dynamodbWithoutRetries(stack);
        createTable(client, "orders");

        assertThatThrownBy(() -> put(client, "orders", "a")).isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(seen).containsExactly("CreateTable true 200 -",
                "PutItem false 400 ProvisionedThroughputExceededException");
    }

    @Test
    void sqs_rules_match_the_queue_of_the_url() {
        FaultPlan plan = FaultPlan.of(FaultRule.throttle(AwsService.SQS, "SendMessage").withResource("orders"));
        Stack stack = start(plan, 1, ClockSpec.real());
        SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(sqs);
        String orders = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        String audit = sqs.createQueue(b -> b.queueName("audit")).queueUrl();

        sqs.sendMessage(b -> b.queueUrl(audit).messageBody("x"));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody("x")))
                .isInstanceOf(RequestThrottledException.class);
        assertThat(faulted(stack)).singleElement().satisfies(request -> {
            assertThat(request.service()).isEqualTo(AwsService.SQS);
            assertThat(request.resource()).isEqualTo(dev.simstack.core.ResourceRef.queue("us-east-1",
                    stack.accountId(), "orders"));
        });
    }

    @Test
    void throttling_errors_are_the_services_own_whether_named_by_enum_or_signing_name() {
        for (AwsService service : AwsService.values()) {
            FaultError error = FaultError.throttle(service);
            assertThat(error.code()).isEqualTo(service.throttlingErrorCode());
            assertThat(error.status()).isEqualTo(service.throttlingStatus());
            assertThat(error.message()).isEqualTo(service.throttlingError().getMessage());
            assertThat(FaultError.throttle(service.signingName())).isEqualTo(error);
            assertThat(FaultRule.throttle(service.signingName(), "Op")).isEqualTo(FaultRule.throttle(service, "Op"));
        }
        assertThatThrownBy(() -> FaultRule.throttle("sns", "Publish")).hasMessage("fault rule 'throttle sns.Publish':"
                + " service 'sns' is not one of sqs, dynamodb, s3, lambda, apigateway, sts, iam, cloudformation");
        assertThatThrownBy(() -> FaultError.internal("sns")).hasMessage("no service 'sns'; faults apply to sqs,"
                + " dynamodb, s3, lambda, apigateway, sts, iam, cloudformation (signing names)");
    }

    @Test
    void plansSayWhatIsWrongWithThem() {
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sns, error: throttle}\n", "p.yaml"))
                .hasMessageContaining("p.yaml: fault rule 'rule 1': service 'sns' is not one of");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, error: boom}\n", "p.yaml"))
                .hasMessageContaining("error 'boom' is not throttle, internal or unavailable");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, latency: soon}\n", "p.yaml"))
                .hasMessageContaining("latency 'soon' is not a duration like 250ms");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, eror: throttle}\n", "p.yaml"))
                .hasMessageContaining("unknown field 'eror'");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs}\n", "p.yaml"))
                .hasMessageContaining("does nothing");
        assertThatThrownBy(() -> FaultPlan.parse("queues: []\n", "p.yaml"))
                .hasMessageContaining("a fault plan is a map with a 'faults' list");
        assertThat(FaultPlan.parse("seed: 5\nfaults:\n  - {name: slow, service: s3, latency: 250ms, probability: 0.5,"
                + " times: 3}\n", "p.yaml")).hasToString("FaultPlan (seed 5):\n  - slow: s3.*, delay 250 ms, p=0.5, "
                + "at most 3x");
    }
}
