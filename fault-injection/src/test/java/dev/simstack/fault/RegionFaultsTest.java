package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Region outages and replication lag of a global table, seen through a real DynamoDbClient per region: the failed
 * region answers as configured (the SDK retries, the ledger counts), the other region serves, and replication
 * catches up in order when the region returns or the pause ends.
 */
class RegionFaultsTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan, long seed) {
        Stack stack = StackConfig.defaults().withRegions(EAST, WEST).withSeed(seed).withClock(ClockSpec.manual())
                .withTable(TableSpec.named("orders").withPartitionKey("id").withReplicas(WEST))
                .withInterceptor(new FaultInjector(plan)).start();
        open.add(stack);
        return stack;
    }

    private DynamoDbClient dynamodb(Stack stack, String region) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static void put(DynamoDbClient client, String id, String value) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id), "v",
                AttributeValue.fromS(value))));
    }

    private static String get(DynamoDbClient client, String id) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("orders").consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
        return item.isEmpty() ? null : item.get("v").s();
    }

    /** The stack's requests that a fault answered, as "operation region status code". */
    private static List<String> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null)
                .map(r -> r.operation() + " " + r.region() + " " + r.status() + " " + r.errorCode() + " " + r.fault())
                .toList();
    }

    @Test
    void writes_to_a_failed_region_answer_service_unavailable_after_the_sdk_retries_and_the_other_region_serves() {
        FaultPlan plan = FaultPlan.none().with(RegionOutage.of(WEST).withDuration(Duration.ofMinutes(1)));
        Stack stack = start(plan, 7);
        DynamoDbClient east = dynamodb(stack, EAST);
        DynamoDbClient west = dynamodb(stack, WEST);

        assertThatThrownBy(() -> put(west, "o1", "lost?")).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        });
        put(east, "o2", "placed");

        assertThat(faulted(stack)).as("the first attempt and the standard retry mode's two retries")
                .containsExactly("PutItem us-west-2 503 ServiceUnavailable region outage us-west-2",
                        "PutItem us-west-2 503 ServiceUnavailable region outage us-west-2",
                        "PutItem us-west-2 503 ServiceUnavailable region outage us-west-2");
        assertThat(get(east, "o2")).isEqualTo("placed");
    }

    @Test
    void an_internal_error_outage_answers_the_services_own_internal_error() {
        Stack stack = start(FaultPlan.none().with(RegionOutage.of(WEST).withMode(RegionOutage.Mode.INTERNAL_ERROR)),
                7);

        assertThatThrownBy(() -> put(dynamodb(stack, WEST), "o1", "x"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                });
        assertThat(faulted(stack)).hasSize(3);
    }

    @Test
    void a_connection_reset_outage_resets_every_attempt_and_the_call_never_reaches_the_table() {
        Stack stack = start(FaultPlan.none().with(RegionOutage.of(WEST).withMode(RegionOutage.Mode.CONNECTION_RESET)),
                7);

        assertThatThrownBy(() -> put(dynamodb(stack, WEST), "o1", "x"))
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class)
                .hasMessageContaining("Connection reset");
        assertThat(faulted(stack)).hasSize(3);
        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).isEmpty();
    }

    @Test
    void a_timeout_outage_holds_the_call_past_the_clients_timeout_and_the_call_never_reaches_the_table() {
        Stack stack = start(FaultPlan.none().with(RegionOutage.of(WEST).withMode(RegionOutage.Mode.TIMEOUT)), 7);
        DynamoDbClient impatient = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallTimeout(Duration.ofMillis(300)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(impatient);

        assertThatThrownBy(() -> put(impatient, "o1", "x")).isInstanceOf(
                software.amazon.awssdk.core.exception.ApiCallTimeoutException.class);
        stack.clock().advance(RegionOutage.DEFAULT_LATENCY);

        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).isEmpty();
    }

    @Test
    void after_the_window_the_global_table_converges_with_nothing_lost() {
        Stack stack = start(FaultPlan.none().with(RegionOutage.of(WEST).withAfter(Duration.ofSeconds(10))
                .withDuration(Duration.ofSeconds(60))), 7);
        DynamoDbClient east = dynamodb(stack, EAST);
        DynamoDbClient west = dynamodb(stack, WEST);
        put(west, "before", "from-west"); // written before the outage, still on its way when it starts
        stack.clock().advance(Duration.ofMillis(9_500));
        assertThat(get(east, "before")).isEqualTo("from-west");
        put(west, "late", "from-west");
        stack.clock().advance(Duration.ofMillis(500)); // the outage starts; the write's replication is held

        put(east, "during-1", "a");
        put(east, "during-2", "b");
        stack.clock().advance(Duration.ofSeconds(30));
        assertThat(get(east, "late")).as("held while us-west-2 is down").isNull();
        assertThatThrownBy(() -> get(west, "during-1")).isInstanceOf(DynamoDbException.class);

        stack.clock().advance(Duration.ofSeconds(30)); // the region returns
        assertThat(get(east, "late")).isEqualTo("from-west");
        assertThat(get(west, "during-1")).isEqualTo("a");
        assertThat(get(west, "during-2")).isEqualTo("b");
        assertThat(get(west, "before")).isEqualTo("from-west");
    }

    @Test
    void a_replicated_item_arrives_only_after_the_lag() {
        FaultPlan plan = FaultPlan.none().with(ReplicationLag.of(EAST, WEST).withLag(Duration.ofSeconds(30)));
        Stack stack = start(plan, 7);
        DynamoDbClient east = dynamodb(stack, EAST);
        DynamoDbClient west = dynamodb(stack, WEST);

        put(east, "o1", "placed");
        put(west, "o2", "other-way");
        stack.clock().advance(Duration.ofSeconds(29));
        assertThat(get(west, "o1")).isNull();
        assertThat(get(east, "o2")).as("the other direction keeps the stack's lag").isEqualTo("other-way");

        stack.clock().advance(Duration.ofSeconds(1));
        assertThat(get(west, "o1")).isEqualTo("placed");
    }

    @Test
    void a_paused_replication_catches_up_in_order_when_the_pause_ends() {
        Stack stack = start(FaultPlan.none().with(ReplicationLag.of(EAST, WEST)
                .withPause(Duration.ZERO, Duration.ofMinutes(5))), 7);
        DynamoDbClient east = dynamodb(stack, EAST);
        DynamoDbClient west = dynamodb(stack, WEST);

        put(east, "o1", "placed");
        stack.clock().advance(Duration.ofSeconds(1));
        put(east, "o1", "paid");
        put(east, "o2", "placed");
        stack.clock().advance(Duration.ofMinutes(4));
        assertThat(get(west, "o1")).isNull();

        stack.clock().advance(Duration.ofMinutes(1));
        assertThat(get(west, "o1")).isEqualTo("paid");
        assertThat(get(west, "o2")).isEqualTo("placed");
        List<LedgerEntry.ItemWrite> applied = stack.ledger().entries(LedgerEntry.ItemWrite.class).stream()
                .filter(w -> w.table().region().equals(WEST)).toList();
        assertThat(applied).as("in the order they were made, all when the pause ends")
                .extracting(w -> w.key() + " " + w.operation() + " at " + w.at())
                .containsExactly("id=o1 Replication at 2026-01-01T00:05:00Z", "id=o1 Replication at 2026-01-01T00:05:00Z",
                        "id=o2 Replication at 2026-01-01T00:05:00Z");
    }

    @Test
    void the_same_seed_and_plan_fault_the_same_calls() {
        FaultPlan plan = FaultPlan.none().with(RegionOutage.of(WEST).withAfter(Duration.ofSeconds(1))
                .withDuration(Duration.ofSeconds(2)));
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Stack stack = start(plan, 11);
            DynamoDbClient west = dynamodb(stack, WEST);
            for (int i = 0; i < 4; i++) {
                try {
                    put(west, "o" + i, "x");
                } catch (DynamoDbException expected) {
                    // the outage's window
                }
                stack.clock().advance(Duration.ofMillis(700));
            }
            runs.add(stack.ledger().entries(LedgerEntry.Request.class).stream()
                    .filter(r -> r.service() == AwsService.DYNAMODB && r.operation().equals("PutItem"))
                    .map(r -> r.at() + " " + r.status() + " " + r.fault()).toList());
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(0)).filteredOn(r -> r.endsWith("region outage us-west-2")).hasSize(6);
    }
}
