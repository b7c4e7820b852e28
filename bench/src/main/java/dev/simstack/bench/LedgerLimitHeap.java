package dev.simstack.bench;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Whether a ledger limit keeps a long-running stack's heap flat: {@code writes} DynamoDB item writes
 * (BatchWriteItem of 25, the same 1,000 orders over and over, so the table does not grow and the ledger is
 * all that can), heap used after full GCs every fifth of the way, on a stack with the limit and on one
 * keeping every entry.
 */
final class LedgerLimitHeap {

    private static final int ORDERS = 1_000;
    private static final int STEPS = 5;

    private LedgerLimitHeap() {
    }

    static void run(int writes, int limit) throws InterruptedException {
        System.out.printf(Locale.ROOT, "== Ledger: heap under %,d item writes, with --ledger-limit %,d and with 0"
                + " (every entry kept) ==%n", writes, limit);
        for (int keep : new int[] {limit, 0}) {
            load(writes, keep);
        }
    }

    private static void load(int writes, int limit) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Stack stack = StackConfig.defaults().withLedgerLimit(limit).start();
                DynamoDbClient dynamo = Clients.dynamoDb(stack.endpoint(), 2)) {
            DynamoDbBenchmark.createTable(dynamo);
            DynamoDbHeap.write(dynamo, 0, ORDERS);
            long before = IdleHeap.usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "  limit %s: heap after GC %.1f MiB at 0 writes%n",
                    limit == 0 ? "none" : String.format(Locale.ROOT, "%,d", limit), mib(before));
            long started = System.nanoTime();
            int step = writes / STEPS;
            for (int written = step; written <= writes; written += step) {
                for (int n = 0; n < step; n += ORDERS) {
                    DynamoDbHeap.write(dynamo, 0, Math.min(ORDERS, step - n));
                }
                long heap = IdleHeap.usedAfterGc(memory);
                System.out.printf(Locale.ROOT, "    %,9d writes: heap %7.1f MiB (+%6.1f MiB), ledger keeps %,d entries,"
                        + " evicted %,d%n", written, mib(heap), mib(heap - before), stack.ledger().size(),
                        stack.ledger().evicted());
            }
            System.out.printf(Locale.ROOT, "    %,d writes in %.0f s (GC pauses for the measurement included)%n", writes,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
