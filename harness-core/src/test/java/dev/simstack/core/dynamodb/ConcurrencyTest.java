package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Eight threads on the same items: no lost update, and no transaction is ever seen half-applied. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("counters");
        support.hashTable("accounts");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void optimistic_conditional_increments_lose_no_update() throws Exception {
        int perThread = 25;
        for (String id : List.of("x", "y")) {
            support.dynamo.putItem(b -> b.tableName("counters").item(item("id", id, "value", 0, "version", 0)));
        }
        AtomicInteger conflicts = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String id = t % 2 == 0 ? "x" : "y";
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        Map<String, AttributeValue> current = support.dynamo.getItem(b -> b.tableName("counters")
                                .key(Map.of("id", s(id))).consistentRead(true)).item();
                        long value = Long.parseLong(current.get("value").n());
                        long version = Long.parseLong(current.get("version").n());
                        try {
                            support.dynamo.updateItem(b -> b.tableName("counters").key(Map.of("id", s(id)))
                                    .updateExpression("SET #v = :nv, version = :next")
                                    .conditionExpression("version = :seen").expressionAttributeNames(Map.of("#v", "value"))
                                    .expressionAttributeValues(Map.of(":nv", n(value + 1), ":next", n(version + 1),
                                            ":seen", n(version))));
                            break;
                        } catch (ConditionalCheckFailedException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }

        runAll(tasks);

        for (String id : List.of("x", "y")) {
            Map<String, AttributeValue> item = support.dynamo.getItem(b -> b.tableName("counters")
                    .key(Map.of("id", s(id)))).item();
            assertThat(item.get("value")).isEqualTo(n(THREADS / 2 * perThread));
            assertThat(item.get("version")).isEqualTo(n(THREADS / 2 * perThread));
        }
    }

    @Test
    void atomic_add_from_every_thread_is_exact() throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                for (int i = 0; i < 50; i++) {
                    support.dynamo.updateItem(b -> b.tableName("counters").key(Map.of("id", s("adds")))
                            .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n(1))));
                }
                return null;
            });
        }

        runAll(tasks);

        assertThat(support.dynamo.getItem(b -> b.tableName("counters").key(Map.of("id", s("adds")))).item()
                .get("hits")).isEqualTo(n(THREADS * 50));
    }

    @Test
    void transfers_never_show_half_applied() throws Exception {
        int accounts = 4;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "acct-" + account, "balance", 100)));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS - 2; t++) {
            int seed = t;
            tasks.add(() -> {
                int applied = 0;
                for (int i = 0; i < 30; i++) {
                    String from = "acct-" + (seed + i) % accounts;
                    String to = "acct-" + (seed + i + 1) % accounts;
                    try {
                        support.dynamo.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", s(from)))
                                        .updateExpression("SET balance = balance - :a")
                                        .conditionExpression("balance >= :a")
                                        .expressionAttributeValues(Map.of(":a", n(7)))).build(),
                                TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", s(to)))
                                        .updateExpression("SET balance = balance + :a")
                                        .expressionAttributeValues(Map.of(":a", n(7)))).build()));
                        applied++;
                    } catch (TransactionCanceledException e) {
                        // not enough balance: nothing changed
                    }
                }
                return applied;
            });
        }
        List<Callable<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(() -> {
                int reads = 0;
                while (writing.get() || reads == 0) {
                    List<TransactGetItem> gets = new ArrayList<>();
                    for (int a = 0; a < accounts; a++) {
                        int account = a;
                        gets.add(TransactGetItem.builder().get(g -> g.tableName("accounts")
                                .key(Map.of("id", s("acct-" + account)))).build());
                    }
                    long sum = support.dynamo.transactGetItems(b -> b.transactItems(gets)).responses().stream()
                            .mapToLong(r2 -> Long.parseLong(r2.item().get("balance").n())).sum();
                    assertThat(sum).isEqualTo(100L * accounts);
                    reads++;
                }
                return reads;
            });
        }
        ExecutorService readerPool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> readResults = new ArrayList<>();
        for (Callable<Integer> reader : readers) {
            readResults.add(readerPool.submit(reader));
        }
        try {
            assertThat(runAll(tasks).stream().mapToInt(Integer::intValue).sum()).isPositive();
        } finally {
            writing.set(false);
        }
        for (Future<Integer> result : readResults) {
            assertThat(result.get(1, TimeUnit.MINUTES)).isPositive();
        }
        readerPool.shutdownNow();
        long total = 0;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            total += Long.parseLong(support.dynamo.getItem(b -> b.tableName("accounts")
                    .key(Map.of("id", s("acct-" + account)))).item().get("balance").n());
        }
        assertThat(total).isEqualTo(100L * accounts);
    }
}
