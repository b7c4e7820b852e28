package dev.simstack.bench;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Heap that a table of {@code count} orders ({@link Orders}, 200 bytes each by DynamoDB's item size
 * rule) keeps in a running stack, written through the SDK with BatchWriteItem (25 per request). Every
 * write also leaves an entry in the stack's ledger, which cannot be emptied; so the same items are then
 * written a second time, over themselves: the table does not grow, the ledger grows as much as the
 * first time, and the difference of the two is what the items alone keep.
 */
final class DynamoDbHeap {

    private static final int BATCH = 25;
    /** Orders written before the measurement, so that the first batch's class loading and caches do not count. */
    private static final int WARM_UP = 2_000;

    private DynamoDbHeap() {
    }

    static void run(int count) throws InterruptedException {
        System.out.println("== DynamoDB heap: " + count + " orders in one table ==");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Stack stack = StackConfig.defaults().start();
                DynamoDbClient dynamo = Clients.dynamoDb(stack.endpoint(), 2)) {
            DynamoDbBenchmark.createTable(dynamo);
            write(dynamo, 10_000_000, WARM_UP);
            long before = IdleHeap.usedAfterGc(memory);
            int entriesBefore = stack.ledger().size();
            long raw = write(dynamo, 0, count);
            long first = IdleHeap.usedAfterGc(memory);
            int entriesFirst = stack.ledger().size();
            write(dynamo, 0, count);
            long second = IdleHeap.usedAfterGc(memory);
            int entriesSecond = stack.ledger().size();
            // a Scan page stops at 1 MB, so the count is summed over the pages
            int counted = dynamo.scanPaginator(b -> b.tableName(Orders.TABLE).select("COUNT")).stream()
                    .mapToInt(ScanResponse::count).sum();

            long withLedger = first - before;
            long ledger = second - first;
            long items = withLedger - ledger;
            System.out.printf(Locale.ROOT, "  items: %d (the table holds %d, the warm-up's %d too), raw %.1f MiB ="
                    + " %.1f bytes per item (names + values, DynamoDB's size rule)%n", count, counted, WARM_UP, mib(raw),
                    raw / (double) count);
            System.out.printf(Locale.ROOT, "  heap kept by writing them: %.1f MiB = %.0f bytes per item, %.2f x raw"
                    + " (%d ledger entries added)%n", mib(withLedger), withLedger / (double) count,
                    withLedger / (double) raw, entriesFirst - entriesBefore);
            System.out.printf(Locale.ROOT, "  of which the ledger (writing them again): %.1f MiB for %d entries ="
                    + " %.0f bytes per entry%n", mib(ledger), entriesSecond - entriesFirst,
                    ledger / (double) Math.max(1, entriesSecond - entriesFirst));
            System.out.printf(Locale.ROOT, "  the items alone: %.1f MiB = %.0f bytes per item, %.2f x raw%n",
                    mib(items),
                    items / (double) count, items / (double) raw);
        }
    }

    /** Writes orders {@code first} .. {@code first + count - 1}, 100 per customer; returns their raw size. */
    static long write(DynamoDbClient dynamo, long first, int count) {
        long raw = 0;
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (long n = first; n < first + count; n++) {
            Map<String, AttributeValue> item = Orders.item(n / Orders.PER_CUSTOMER, n % Orders.PER_CUSTOMER);
            raw += Orders.size(item);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH || n == first + count - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(Orders.TABLE,
                        requests)));
                if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                    throw new IllegalStateException("BatchWriteItem left items unprocessed");
                }
                batch.clear();
            }
        }
        return raw;
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
