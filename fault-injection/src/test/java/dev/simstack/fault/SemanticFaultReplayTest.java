package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Semantic faults replay from the seed per resource: 8 concurrent clients, each on its own queue or table, see the
 * same messages duplicated and the same writes refused every run, whatever a ninth client does elsewhere.
 */
class SemanticFaultReplayTest {

    private static final int CLIENTS = 8;
    private static final int MESSAGES = 40; // more than one receive holds, so the queue's own pick order matters
    private static final int WRITES = 30;

    private static String queue(int client) {
        return "orders-" + client;
    }

    private static String table(int client) {
        return "carts-" + client;
    }

    @Test
    void the_same_seed_duplicates_the_same_messages_of_each_queue_with_8_concurrent_clients_and_unrelated_traffic()
            throws Exception {
        FaultPlan plan = FaultPlan.none();
        for (int c = 0; c < CLIENTS; c++) {
            plan = plan.with(DuplicateDelivery.on(queue(c)).withProbability(0.3));
        }
        plan = plan.with(DuplicateDelivery.on("audit").withProbability(0.3));

        Map<String, Set<String>> first = duplicates(plan, false);
        Map<String, Set<String>> second = duplicates(plan, false);
        Map<String, Set<String>> third = duplicates(plan, true); // a ninth client sends and receives on "audit"

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(first).hasSize(CLIENTS).allSatisfy((queue, bodies) -> assertThat(bodies).isNotEmpty()
                .hasSizeLessThan(MESSAGES));
    }

    @Test
    void the_same_seed_refuses_the_same_writes_of_each_table_with_8_concurrent_clients_and_unrelated_traffic()
            throws Exception {
        FaultPlan plan = FaultPlan.none()
                .with(TransactionConflict.on(null).withItemWrites(true).withProbability(0.3))
                .with(HotKeyThrottle.on(null, "hot").withRate(1).withBurst(4));

        Map<String, Set<String>> first = refusals(plan, false);
        Map<String, Set<String>> second = refusals(plan, false);
        Map<String, Set<String>> third = refusals(plan, true); // a ninth client writes to "audit"

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(first).hasSize(CLIENTS).allSatisfy((table, refused) -> assertThat(refused)
                .anyMatch(write -> write.startsWith("conflict "))
                .anyMatch(write -> write.startsWith("throttled ")));
    }

    private static Stack start(FaultPlan plan, StackConfig config) {
        return config.withSeed(2026).withClock(ClockSpec.manual()).withInterceptor(new FaultInjector(plan)).start();
    }

    /** Per queue, the bodies its consumer received more than once. */
    private static Map<String, Set<String>> duplicates(FaultPlan plan, boolean noise) throws Exception {
        List<String> queues = names(SemanticFaultReplayTest::queue, noise);
        StackConfig config = StackConfig.defaults();
        for (String queue : queues) {
            config = config.withQueue(QueueSpec.named(queue).withAttribute("VisibilityTimeout", "30"));
        }
        try (Stack stack = start(plan, config)) {
            Map<String, Set<String>> seen = concurrently(queues, queue -> {
                try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(credentials()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
                    return sendAndDrain(sqs, stack.queue(queue).url(), queue.equals("audit") ? 3 * MESSAGES
                            : MESSAGES);
                }
            });
            seen.remove("audit");
            return seen;
        }
    }

    private static Set<String> sendAndDrain(SqsClient sqs, String url, int messages) {
        for (int i = 1; i <= messages; i++) {
            String body = "m" + i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
        Set<String> received = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                if (!received.add(message.body())) {
                    twice.add(message.body());
                }
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return twice;
    }

    /** Per table, the writes refused: "conflict k-3" or "throttled hot#7". */
    private static Map<String, Set<String>> refusals(FaultPlan plan, boolean noise) throws Exception {
        List<String> tables = names(SemanticFaultReplayTest::table, noise);
        try (Stack stack = start(plan, StackConfig.defaults())) {
            Map<String, Set<String>> refused = concurrently(tables, table -> {
                try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(credentials())
                        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                        .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
                    return writeAll(dynamo, table, table.equals("audit") ? 3 * WRITES : WRITES);
                }
            });
            refused.remove("audit");
            return refused;
        }
    }

    /** Every third write goes to the hot key "hot" (its n-th write recorded as "hot#n"), the others to their own. */
    private static Set<String> writeAll(DynamoDbClient dynamo, String table, int writes) {
        Set<String> refused = new TreeSet<>();
        for (int i = 0; i < writes; i++) {
            String id = i % 3 == 0 ? "hot" : "k-" + i;
            String write = id.equals("hot") ? "hot#" + i : id;
            try {
                dynamo.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
            } catch (TransactionConflictException e) {
                refused.add("conflict " + write);
            } catch (ProvisionedThroughputExceededException e) {
                refused.add("throttled " + write);
            }
        }
        return refused;
    }

    private static List<String> names(IntFunction<String> name, boolean noise) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            names.add(name.apply(c));
        }
        if (noise) {
            names.add("audit");
        }
        return names;
    }

    /** Runs one client per resource on its own thread; each answers its resource's faulted messages or writes. */
    private static Map<String, Set<String>> concurrently(List<String> resources,
            Function<String, Set<String>> client) throws Exception {
        Map<String, Set<String>> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(resources.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String resource : resources) {
                Callable<Object> each = () -> results.put(resource, client.apply(resource));
                running.add(pool.submit(each));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        return new TreeMap<>(results);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"));
    }
}
