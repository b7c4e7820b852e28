package dev.simstack.bench;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * API → SQS → Lambda → DynamoDB in one stack, as harness-core's end-to-end test builds it: a REST API
 * whose {@code POST /orders} sends the body to a queue (SQS service integration, the API's default
 * throttling), an event source mapping (batch 10, maximum concurrency as given) to
 * {@link StoreOrdersHandler}, which puts each order into a table through the engine. Client threads post
 * orders over kept-alive sockets for a fixed time; then the benchmark waits until every accepted order
 * is stored. Reports accepted requests/s (sending time) and stored items/s (first request to last item
 * stored), and every status other than 200. A first round of half the time, on its own stack, warms
 * up the JIT and is not reported.
 */
final class EndToEnd {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    private EndToEnd() {
    }

    static void run(int seconds, int clientThreads, int maximumConcurrency) throws Exception {
        System.out.printf(Locale.ROOT, "== End to end: API -> SQS -> Lambda -> DynamoDB, %d client threads for %d s,"
                + " batch 10, maximum concurrency %d ==%n", clientThreads, seconds, maximumConcurrency);
        round(Math.max(1, seconds / 2), clientThreads, maximumConcurrency, false);
        round(seconds, clientThreads, maximumConcurrency, true);
    }

    private static void round(int seconds, int clientThreads, int maximumConcurrency, boolean report)
            throws Exception {
        StoreOrdersHandler.STORED.reset();
        try (Stack stack = StackConfig.defaults()
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30"))
                .withFunction(FunctionSpec.named("store-orders", StoreOrdersHandler.class)
                        .withTimeout(Duration.ofSeconds(30)).withEnvironment("TABLE", "orders"))
                .withApi(ApiSpec.rest("ingest").withRoute("POST /orders", Integration.sqs("orders")))
                .start();
                DynamoDbClient dynamo = Clients.dynamoDb(stack.endpoint(), 2);
                LambdaClient lambda = Clients.lambda(stack.endpoint(), 2)) {
            dynamo.createTable(b -> b.tableName("orders")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            lambda.createEventSourceMapping(b -> b.functionName("store-orders")
                    .eventSourceArn(stack.queue("orders").arn())
                    .batchSize(10).scalingConfig(s -> s.maximumConcurrency(maximumConcurrency)));
            String path = stack.api("ingest").url().getRawPath() + "/orders";

            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            long deadline = started + seconds * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < clientThreads; t++) {
                int thread = t;
                Thread client = new Thread(() -> post(stack.port(), path, thread, deadline, statuses), "client-" + t);
                client.setDaemon(true);
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
            long sent = System.nanoTime();
            long accepted = statuses.getOrDefault(200, new LongAdder()).sum();
            long drainDeadline = sent + DRAIN_LIMIT.toNanos();
            while (StoreOrdersHandler.STORED.sum() < accepted && System.nanoTime() < drainDeadline) {
                Thread.sleep(5);
            }
            long done = System.nanoTime();
            if (!report) {
                return;
            }
            // a Scan page stops at 1 MB, so the count is summed over the pages
            int counted = dynamo.scanPaginator(b -> b.tableName("orders").select("COUNT")).stream()
                    .mapToInt(ScanResponse::count).sum();
            List<LedgerEntry.Invocation> invocations = stack.ledger().entries(LedgerEntry.Invocation.class);
            double sendSeconds = (sent - started) / 1e9;
            double doneSeconds = (done - started) / 1e9;
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
            System.out.printf(Locale.ROOT, "  requests answered: %s (status=count)%n", byStatus);
            System.out.printf(Locale.ROOT, "  accepted: %d in %.1f s = %.0f requests/s%n", accepted, sendSeconds,
                    accepted / sendSeconds);
            System.out.printf(Locale.ROOT, "  stored in DynamoDB: %d (table count %d) %.1f s after the first request"
                    + " (%.1f s after the last) = %.0f items/s%n", StoreOrdersHandler.STORED.sum(), counted,
                    doneSeconds, (done - sent) / 1e9, StoreOrdersHandler.STORED.sum() / doneSeconds);
            System.out.printf(Locale.ROOT, "  invocations: %d (%.1f orders each)%n", invocations.size(),
                    StoreOrdersHandler.STORED.sum() / (double) Math.max(1, invocations.size()));
            if (counted != accepted) {
                System.out.println("  INCOMPLETE: " + (accepted - counted) + " accepted orders were not stored within "
                        + DRAIN_LIMIT.toMinutes() + " minutes");
            }
        }
    }

    private static void post(int port, String path, int thread, long deadline, Map<Integer, LongAdder> statuses) {
        try (KeepAliveHttp http = new KeepAliveHttp(port)) {
            for (long n = 0; System.nanoTime() < deadline; n++) {
                byte[] body = ("order-" + thread + "-" + n).getBytes(StandardCharsets.UTF_8);
                statuses.computeIfAbsent(http.post(path, body), s -> new LongAdder()).increment();
            }
        } catch (Exception e) {
            statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
            System.out.println("  client " + thread + " failed: " + e);
        }
    }
}
