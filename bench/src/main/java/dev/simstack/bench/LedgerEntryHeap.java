package dev.simstack.bench;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Heap the ledger keeps per entry, by kind, through the whole engine (SDK -> HTTP -> service -> ledger).
 * Each traffic runs twice, on a stack keeping every entry and on one keeping a single entry: whatever else
 * the traffic leaves (queue contents, Lambda logs, caches) is the same on both, so the difference is the
 * ledger's alone. Entries are counted by a subscriber, which keeps nothing per entry. Kinds that come with
 * Request entries (every SDK call leaves one) are solved with the Request figure measured first.
 */
final class LedgerEntryHeap {

    private static final StackConfig STACK = StackConfig.defaults().withQueue(QueueSpec.named("q"))
            .withFunction(FunctionSpec.named("empty", EmptyHandler.class))
            .withApi(ApiSpec.rest("api").withRoute("POST /hit", Integration.sqs("q")));

    private LedgerEntryHeap() {
    }

    /** One kind of traffic, {@code count} times, against a stack and clients set up for it. */
    private interface Traffic {
        void run(Stack stack, Connections clients, int count) throws Exception;
    }

    /** The SDK clients (and plain HTTP for API Gateway) of one stack. */
    private record Connections(SqsClient sqs, DynamoDbClient dynamo, LambdaClient lambda, HttpClient http)
            implements AutoCloseable {
        @Override
        public void close() {
            sqs.close();
            dynamo.close();
            lambda.close();
        }
    }

    /** What one traffic left in the ledger: bytes and entries added, by kind. */
    private record Kept(long bytes, Map<Class<?>, Long> added) {
        long of(Class<?> kind) {
            return added.getOrDefault(kind, 0L);
        }
    }

    static void run() throws Exception {
        System.out.println("== Ledger: heap kept per entry, by kind (unlimited stack minus a stack keeping 1) ==");
        // A Request entry's size depends on its protocol's decoding (which strings are fresh per request), so
        // each service's read measures its own Request figure first.
        double sqsRequest = requestsOnly("Request, SQS JSON (GetQueueUrl)", (stack, c, n) -> {
            for (int i = 0; i < n; i++) {
                c.sqs().getQueueUrl(b -> b.queueName("q"));
            }
        });
        double dynamoRequest = requestsOnly("Request, DynamoDB (DescribeTable)", (stack, c, n) -> {
            for (int i = 0; i < n; i++) {
                c.dynamo().describeTable(b -> b.tableName(Orders.TABLE));
            }
        });
        double lambdaRequest = requestsOnly("Request, Lambda REST-JSON (GetFunction)", (stack, c, n) -> {
            for (int i = 0; i < n; i++) {
                c.lambda().getFunction(b -> b.functionName("empty"));
            }
        });
        Kept messages = kept((stack, c, n) -> RetainedHeap.cycle(c.sqs(), stack.queue("q").url(), n), 10_000);
        print("Message (sent, received, deleted)", messages, solve(messages, LedgerEntry.Message.class, sqsRequest));
        Kept writes = kept((stack, c, n) -> {
            for (int written = 0; written < n; written += 1_000) {
                DynamoDbHeap.write(c.dynamo(), 0, 1_000); // the same 1,000 orders: the table stays as it is
            }
        }, 25_000);
        print("ItemWrite (BatchWriteItem of 25)", writes, solve(writes, LedgerEntry.ItemWrite.class, dynamoRequest));
        Kept invocations = kept((stack, c, n) -> {
            for (int i = 0; i < n; i++) {
                c.lambda().invoke(b -> b.functionName("empty").payload(SdkBytes.fromUtf8String("{}")));
            }
        }, 5_000);
        print("Invocation (Invoke, empty handler)", invocations,
                solve(invocations, LedgerEntry.Invocation.class, lambdaRequest));
        Kept api = kept((stack, c, n) -> {
            HttpRequest post = HttpRequest.newBuilder(URI.create(stack.api("api").url() + "/hit"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build();
            for (int i = 0; i < n; i++) {
                c.http().send(post, HttpResponse.BodyHandlers.discarding());
            }
        }, 5_000);
        // an API call leaves three entries (ApiRequest, its Request, the integration's Message): not solved
        print("all three per REST API -> SQS call", api, Double.NaN);
    }

    /** Bytes per Request entry of traffic that leaves nothing else. */
    private static double requestsOnly(String what, Traffic traffic) throws Exception {
        Kept reads = kept(traffic, 10_000);
        double bytes = reads.bytes() / (double) reads.of(LedgerEntry.Request.class);
        print(what, reads, bytes);
        return bytes;
    }

    /** Bytes per entry of {@code kind}, after the Request entries' share at {@code request} bytes each. */
    private static double solve(Kept kept, Class<?> kind, double request) {
        return (kept.bytes() - kept.of(LedgerEntry.Request.class) * request) / kept.of(kind);
    }

    private static void print(String what, Kept kept, double bytesOfKind) {
        long entries = kept.added().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "  %-40s %s   all entries %4.0f B on average (%.1f MiB for %d: %s)%n", what,
                Double.isNaN(bytesOfKind) ? "               " : String.format(Locale.ROOT, "%4.0f B per entry",
                        bytesOfKind), kept.bytes() / (double) entries, kept.bytes() / 1024.0 / 1024.0, entries,
                names(kept.added()));
    }

    private static String names(Map<Class<?>, Long> added) {
        StringBuilder text = new StringBuilder();
        added.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                .append(kind.getSimpleName()));
        return text.toString();
    }

    private static Kept kept(Traffic traffic, int count) throws Exception {
        Growth all = grow(STACK, traffic, count);
        Growth one = grow(STACK.withLedgerLimit(1), traffic, count);
        return new Kept(all.bytes() - one.bytes(), all.added());
    }

    private record Growth(long bytes, Map<Class<?>, Long> added) {
    }

    /** Heap after GC grown by {@code count} of {@code traffic} (after a tenth of it as warm-up), and the entries. */
    private static Growth grow(StackConfig config, Traffic traffic, int count) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<Class<?>, LongAdder> added = new ConcurrentHashMap<>();
        try (Stack stack = config.start();
                Connections clients = new Connections(Clients.sqs(stack.endpoint(), 2), Clients.dynamoDb(stack.endpoint(), 2),
                        Clients.lambda(stack.endpoint(), 2), HttpClient.newHttpClient())) {
            DynamoDbBenchmark.createTable(clients.dynamo());
            traffic.run(stack, clients, count / 10);
            long before = IdleHeap.usedAfterGc(memory);
            try (AutoCloseable counting = stack.ledger().subscribe(entry -> added
                    .computeIfAbsent(entry.getClass(), kind -> new LongAdder()).increment())) {
                traffic.run(stack, clients, count);
            }
            long after = IdleHeap.usedAfterGc(memory);
            Map<Class<?>, Long> counts = new LinkedHashMap<>();
            added.forEach((kind, adder) -> counts.put(kind, adder.sum()));
            return new Growth(after - before, counts);
        }
    }
}
