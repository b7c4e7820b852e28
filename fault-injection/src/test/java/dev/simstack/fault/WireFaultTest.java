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
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Faults below HTTP, as the SDK's HTTP client meets them: resets, dropped connections, truncated bodies. */
class WireFaultTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan) {
        Stack stack = StackConfig.defaults().withSeed(7).withClock(ClockSpec.real())
                .withInterceptor(new FaultInjector(plan)).start();
        open.add(stack);
        return stack;
    }

    private DynamoDbClient dynamodb(Stack stack, Consumer<ClientOverrideConfiguration.Builder> config) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(config).httpClientBuilder(ApacheHttpClient.builder()).build();
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

    private static boolean get(DynamoDbClient client, String table, String id) {
        return client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).hasItem();
    }

    private static List<LedgerEntry.Request> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null).toList();
    }

    @Test
    void a_reset_connection_is_retried_by_the_sdk_and_each_attempt_is_in_the_ledger() {
        Stack stack = start(FaultPlan.of(FaultRule.wire(AwsService.DYNAMODB, "PutItem", WireFault.RESET)
                .withTimes(2)));
        DynamoDbClient client = dynamodb(stack, o -> o.retryStrategy(r -> r.maxAttempts(3)));
        createTable(client, "orders");

        put(client, "orders", "a"); // attempts 1 and 2 reset, 3 answered

        assertThat(get(client, "orders", "a")).isTrue();
        assertThat(faulted(stack)).hasSize(2).allSatisfy(request -> {
            assertThat(request.operation()).isEqualTo("PutItem");
            assertThat(request.status()).isZero(); // nothing was answered
            assertThat(request.errorCode()).isNull();
            assertThat(request.fault()).isEqualTo("reset dynamodb.PutItem");
        });
    }

    @Test
    void a_reset_that_persists_surfaces_as_an_SdkClientException_after_the_sdks_attempts() {
        Stack stack = start(FaultPlan.of(FaultRule.wire(AwsService.DYNAMODB, "PutItem", WireFault.RESET)));
        DynamoDbClient client = dynamodb(stack, o -> o.retryStrategy(r -> r.maxAttempts(3)));
        createTable(client, "orders");

        assertThatThrownBy(() -> put(client, "orders", "a")).isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to execute HTTP request: Connection reset");
        assertThat(faulted(stack)).hasSize(3);
        assertThat(get(client, "orders", "a")).isFalse(); // the service never saw the call
    }

    @Test
    void a_dropped_connection_is_answered_by_nothing_until_the_clients_attempt_timeout() {
        Stack stack = start(FaultPlan.of(FaultRule.wire(AwsService.DYNAMODB, "GetItem", WireFault.DROP)));
        createTable(dynamodb(stack, o -> { }), "orders");
        DynamoDbClient client = dynamodb(stack, o -> o.retryStrategy(r -> r.maxAttempts(2))
                .apiCallAttemptTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> get(client, "orders", "a")).isInstanceOf(ApiCallAttemptTimeoutException.class)
                .hasMessageContaining("HTTP request execution did not complete before the specified timeout "
                        + "configuration: 300 millis");
        assertThat(faulted(stack)).hasSize(2).allSatisfy(request -> {
            assertThat(request.status()).isZero();
            assertThat(request.fault()).isEqualTo("drop dynamodb.GetItem");
        });
    }

    @Test
    void a_truncated_body_fails_the_sdk_reading_it_and_the_retry_reads_it_whole() {
        Stack stack = start(FaultPlan.of(FaultRule.wire(AwsService.DYNAMODB, "GetItem", WireFault.TRUNCATE)
                .withTimes(1)));
        DynamoDbClient noRetries = dynamodb(stack, o -> o.retryStrategy(r -> r.maxAttempts(1)));
        createTable(noRetries, "orders");
        put(noRetries, "orders", "a");

        assertThatThrownBy(() -> get(noRetries, "orders", "a")).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Premature end of Content-Length delimited message body");
        assertThat(get(noRetries, "orders", "a")).isTrue(); // at most once: the next call is answered whole
        assertThat(faulted(stack)).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(200); // the service answered; the wire cut it
            assertThat(request.fault()).isEqualTo("truncate dynamodb.GetItem");
        });
    }
}
