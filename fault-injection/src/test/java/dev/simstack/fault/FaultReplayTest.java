package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A plan replays from its seed: rules draw per resource, so concurrency and unrelated traffic do not shift them. */
class FaultReplayTest {

    private static final int CLIENTS = 8;
    private static final int PUTS = 25;

    @Test
    void the_same_seed_faults_the_same_items_of_each_table_with_8_concurrent_clients_and_unrelated_traffic()
            throws Exception {
        FaultPlan plan = FaultPlan.of(FaultRule.wire(AwsService.DYNAMODB, "PutItem", WireFault.RESET)
                .withProbability(0.3));

        Map<String, List<String>> first = run(plan, false);
        Map<String, List<String>> second = run(plan, true); // with a ninth client writing elsewhere

        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(CLIENTS).allSatisfy((table, faulted) -> assertThat(faulted)
                .isNotEmpty().hasSizeLessThan(PUTS));
    }

    /** Per table, the item keys whose PutItem was reset, as the clients saw them; checked against the ledger. */
    private static Map<String, List<String>> run(FaultPlan plan, boolean noise) throws Exception {
        try (Stack stack = StackConfig.defaults().withSeed(2026).withClock(ClockSpec.real())
                .withInterceptor(new FaultInjector(plan)).start();
                DynamoDbClient client = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("k", "s")))
                        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CLIENTS * 2)).build()) {
            List<String> tables = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                tables.add("orders-" + c);
            }
            if (noise) {
                tables.add("audit");
            }
            tables.forEach(table -> client.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))));
            Map<String, List<String>> faulted = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(tables.size());
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (String table : tables) {
                    clients.add(pool.submit(() -> faulted.put(table, putAll(client, table, noise ? 3 * PUTS : PUTS))));
                }
                for (Future<?> each : clients) {
                    each.get();
                }
            } finally {
                pool.shutdown();
            }
            faulted.remove("audit");
            Map<String, Long> inLedger = stack.ledger().entries(LedgerEntry.Request.class).stream()
                    .filter(r -> r.fault() != null && !r.resource().name().equals("audit"))
                    .collect(Collectors.groupingBy(r -> r.resource().name(), Collectors.counting()));
            assertThat(inLedger).isEqualTo(faulted.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> (long) e.getValue().size())));
            return new TreeMap<>(faulted);
        }
    }

    private static List<String> putAll(DynamoDbClient client, String table, int puts) {
        List<String> reset = new ArrayList<>();
        for (int i = 0; i < puts && (i < PUTS || table.equals("audit")); i++) {
            String id = "item-" + i;
            try {
                client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
            } catch (SdkClientException e) {
                reset.add(id);
            }
        }
        return reset;
    }
}
