package dev.simstack.junit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.apigateway.OrderStoreHandler;
import dev.simstack.junit.Api;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts and stops many stacks through the extension, each with every kind of resource, injected clients
 * and a function that builds its own client, and checks that the JVM holds no more afterwards than before.
 * The count is {@code -Dsimstack.leak.stacks}, 1,000 by default (about 45 s on 2 cores; the figures are in
 * docs/benchmarks.md); a smaller one shortens a local run.
 */
class ThousandStacksTest {

    private static final int STACKS = Integer.getInteger("simstack.leak.stacks", 1000);
    private static final int WARM_UP = 50;

    @Test
    void starting_and_closing_stacks_leaves_no_threads_sockets_file_descriptors_or_heap_behind()
            throws InterruptedException {
        runStacks(WARM_UP);
        Footprint baseline = Footprint.measure();
        long start = System.nanoTime();
        runStacks(STACKS);
        long elapsed = System.nanoTime() - start;
        long socketsBeforeGc = Footprint.openSockets();
        Footprint after = settled(baseline);
        System.out.printf("%d stacks in %.1f s (%.1f ms each); before: %s; after: %s; sockets before the first"
                        + " GC: %d%n", STACKS, elapsed / 1e9, elapsed / 1e6 / STACKS, baseline.since(baseline),
                after.since(baseline), socketsBeforeGc);

        // Margins from what we measured (docs/benchmarks.md): threads, descriptors and sockets came back to the
        // baseline exactly, the heap after GC grew by 0.1-0.2 MB. The margins leave room for the JVM's own
        // pools (common pool, JIT) and class loading; 8 MB over 1,000 stacks is 8 KB a stack, well under what
        // one kept stack, execution environment or SDK client holds.
        assertThat(after.threads()).as("live threads").isLessThanOrEqualTo(baseline.threads() + 2);
        if (baseline.fileDescriptors() >= 0) {
            assertThat(after.fileDescriptors()).as("open file descriptors")
                    .isLessThanOrEqualTo(baseline.fileDescriptors() + 10);
        }
        if (baseline.sockets() >= 0) {
            assertThat(after.sockets()).as("open sockets").isLessThanOrEqualTo(baseline.sockets() + 2);
        }
        assertThat(after.heapBytes() - baseline.heapBytes()).as("heap growth after GC, bytes")
                .isLessThan(8L * 1024 * 1024);
    }

    /**
     * Without a collection in between: a client left open keeps its pooled connections (the stack's end of
     * them closed, ours in CLOSE_WAIT) until the collector finds it, which on a large heap may be never.
     */
    @Test
    void closing_a_stack_closes_the_clients_it_injected_at_once() throws InterruptedException {
        runStacks(5, InjectedClientsOnly.class);
        long baseline = Footprint.measure().sockets();
        runStacks(50, InjectedClientsOnly.class);
        long after = Footprint.openSockets();
        System.out.printf("50 stacks with 3 injected clients each: sockets %d before, %d after, no GC between%n",
                baseline, after);
        if (baseline >= 0) {
            assertThat(after).as("open sockets").isLessThanOrEqualTo(baseline + 2);
        }
    }

    private static void runStacks(int count) {
        runStacks(count, OneOrder.class);
    }

    private static void runStacks(int count, Class<?> fixture) {
        for (int i = 0; i < count; i++) {
            Kit.assertPassed(Kit.run(fixture), 1);
        }
    }

    /** Measures until the threads are back within the margin, or 5 s passed: pools end their threads late. */
    private static Footprint settled(Footprint baseline) throws InterruptedException {
        Footprint now = Footprint.measure();
        for (int i = 0; i < 10 && now.threads() > baseline.threads() + 2; i++) {
            Thread.sleep(500);
            now = Footprint.measure();
        }
        return now;
    }

    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"),
            buckets = @Bucket(name = "receipts"),
            functions = @Function(name = "store-order", handler = OrderStoreHandler.class,
                    environment = "TABLE=orders", sqsEvents = @SqsEvent(queue = "orders")),
            apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders")))
    static class OneOrder {
        @Test
        void storesTheOrder(Stack stack, SqsClient sqs, DynamoDbClient dynamo, S3Client s3) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("order-1"));
            s3.putObject(b -> b.bucket("receipts").key("order-1"), RequestBody.fromString("paid"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() ->
                    dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("order-1"))))
                            .hasItem());
        }
    }

    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"),
            buckets = @Bucket(name = "receipts"))
    static class InjectedClientsOnly {
        @Test
        void usesEveryClient(Stack stack, SqsClient sqs, DynamoDbClient dynamo, S3Client s3) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("order-1"));
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("order-1"))));
            s3.putObject(b -> b.bucket("receipts").key("order-1"), RequestBody.fromString("paid"));
        }
    }
}
