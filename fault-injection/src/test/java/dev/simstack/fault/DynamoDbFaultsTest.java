package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A hot partition key's throttling and a transaction's conflict, seen through a real DynamoDbClient: AWS's
 * exceptions, codes, statuses and cancellation reasons, and the SDK's attempts counted in the ledger.
 */
class DynamoDbFaultsTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan, long seed) {
        Stack stack = StackConfig.defaults().withSeed(seed).withClock(ClockSpec.manual())
                .withTable(TableSpec.named("orders").withPartitionKey("id"))
                .withInterceptor(new FaultInjector(plan)).start();
        open.add(stack);
        return stack;
    }

    private DynamoDbClient dynamodb(Stack stack) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static void put(DynamoDbClient client, String id) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static TransactWriteItem putAction(String id) {
        return TransactWriteItem.builder().put(p -> p.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))))
                .build();
    }

    /** The stack's requests that a fault answered, as "operation status code fault". */
    private static List<String> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null)
                .map(r -> r.operation() + " " + r.status() + " " + r.errorCode() + " " + r.fault()).toList();
    }

    private static List<String> written(Stack stack) {
        return stack.ledger().entries(LedgerEntry.ItemWrite.class).stream().map(w -> w.operation() + " " + w.key())
                .toList();
    }

    @Test
    void writes_to_a_hot_key_beyond_its_rate_are_throttled_after_the_sdk_retries_and_other_keys_are_served() {
        Stack stack = start(FaultPlan.none().with(HotKeyThrottle.on("orders", "customer-1").withRate(1)), 7);
        DynamoDbClient client = dynamodb(stack);

        put(client, "customer-1"); // the bucket's one request
        assertThatThrownBy(() -> put(client, "customer-1"))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current"
                            + " capacity of your table or index.");
                    assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                            .containsExactly("TableWriteKeyRangeThroughputExceeded");
                });
        put(client, "customer-2");

        assertThat(faulted(stack)).as("the first attempt and the standard retry mode's two retries").containsExactly(
                "PutItem 400 ProvisionedThroughputExceededException hot-key-throttle",
                "PutItem 400 ProvisionedThroughputExceededException hot-key-throttle",
                "PutItem 400 ProvisionedThroughputExceededException hot-key-throttle");
        stack.clock().advance(Duration.ofSeconds(1)); // the bucket refills on the stack's clock
        put(client, "customer-1");
        assertThat(faulted(stack)).hasSize(3);
    }

    @Test
    void reads_of_a_hot_key_are_throttled_only_when_asked_with_the_read_reason() {
        Stack stack = start(FaultPlan.none().with(HotKeyThrottle.on("orders", "c").withRate(0).withReads(true)), 7);
        DynamoDbClient client = dynamodb(stack);

        assertThatThrownBy(() -> client.getItem(b -> b.tableName("orders").key(Map.of("id",
                AttributeValue.fromS("c"))))).isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
                        e -> assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason)
                                .containsExactly("TableReadKeyRangeThroughputExceeded"));
        assertThat(faulted(stack)).hasSize(3).allMatch(line -> line.startsWith("GetItem 400"));
    }

    @Test
    void a_conflicting_transaction_is_cancelled_with_transaction_conflict_for_its_item_and_none_for_the_others() {
        Stack stack = start(FaultPlan.none().with(TransactionConflict.on("orders").withKey("o-2").withTimes(1)), 7);
        DynamoDbClient client = dynamodb(stack);

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(putAction("o-1"), putAction("o-2"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer"
                            + " cancellation reasons for specific reasons [None, TransactionConflict]");
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("None", null),
                                    org.assertj.core.groups.Tuple.tuple("TransactionConflict",
                                            "Transaction is ongoing for the item"));
                });
        assertThat(faulted(stack)).as("the SDK does not retry a cancelled transaction")
                .containsExactly("TransactWriteItems 400 TransactionCanceledException transaction-conflict");
        assertThat(written(stack)).isEmpty();

        client.transactWriteItems(b -> b.transactItems(putAction("o-1"), putAction("o-2"))); // times 1: the retry
        assertThat(written(stack)).hasSize(2);
    }

    @Test
    void an_item_write_on_an_item_in_a_transaction_answers_transaction_conflict_exception() {
        Stack stack = start(FaultPlan.none().with(TransactionConflict.on("orders").withItemWrites(true).withNth(1)),
                7);
        DynamoDbClient client = dynamodb(stack);

        assertThatThrownBy(() -> put(client, "o-1")).isInstanceOfSatisfying(TransactionConflictException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionConflictException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction is ongoing for the item");
        });
        List<String> faulted = faulted(stack);
        assertThat(faulted).as("the SDK does not retry it").hasSize(1).allMatch(line -> line.equals(
                "PutItem 400 TransactionConflictException transaction-conflict"));
        assertThat(written(stack)).isEmpty();
    }

    @Test
    void the_same_seed_cancels_the_same_transactions() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(FaultPlan.none().with(TransactionConflict.on("orders").withProbability(0.5)), 42);
            DynamoDbClient client = dynamodb(stack);
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "o-" + i;
                try {
                    client.transactWriteItems(b -> b.transactItems(putAction(id)));
                    outcomes.add(id + " written");
                } catch (TransactionCanceledException e) {
                    outcomes.add(id + " cancelled");
                }
            }
            runs.add(outcomes);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
        assertThat(runs.get(0)).anyMatch(o -> o.endsWith("cancelled")).anyMatch(o -> o.endsWith("written"));
    }
}
