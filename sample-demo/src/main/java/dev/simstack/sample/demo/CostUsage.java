package dev.simstack.sample.demo;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run used, in the units AWS bills, read from the stack's ledger and resources.
 *
 * @param region the region of the API, queue, functions and bucket
 * @param apiRequests requests the API's stage received (429s included: see prices.csv)
 * @param sqsRequests SQS requests in 64 KB chunks: the API's sends as recorded, plus one receive and one delete
 *     per batch the worker's event source mapping took (its polls run inside the stack, not over HTTP; the empty
 *     long polls a mapping makes on AWS while the queue is idle are not counted)
 * @param lambdaRequests invocations that ran (throttled ones are not billed)
 * @param lambdaGbSeconds the invocations' durations on the stack's clock, each rounded up to 1 ms (at least
 *     1 ms), times their function's memory
 * @param writeUnits DynamoDB write request units by region: one per 1 KB of the item per write, applied or
 *     refused by its condition (replicated writes of a global table in the replica's region)
 * @param readUnits DynamoDB read request units: one per 4 KB per strongly consistent read that was answered
 * @param globalTable whether the table has replicas (its writes are then replicated write units)
 * @param s3Puts PutObject requests answered (precondition refusals included)
 * @param s3Gets GetObject and HeadObject requests answered
 * @param s3GbMonths the objects' sizes times how long each was stored, up to the end of the run, in GB-months
 *     (730 hours)
 * @param itemBytes the mean size of the table's items as they ended, as DynamoDB counts it
 */
record CostUsage(String region, long apiRequests, long sqsRequests, long lambdaRequests, double lambdaGbSeconds,
        Map<String, Long> writeUnits, long readUnits, boolean globalTable, long s3Puts, long s3Gets,
        double s3GbMonths, long itemBytes) {

    private static final double HOURS_PER_MONTH = 730;

    static CostUsage read(Stack stack, Map<String, Integer> memoryMb) {
        var ledger = stack.ledger();
        List<LedgerEntry.Request> requests = ledger.entries(LedgerEntry.Request.class);
        List<LedgerEntry.Invocation> runs = ledger.entries(LedgerEntry.Invocation.class).stream()
                .filter(i -> i.outcome() != LedgerEntry.InvocationOutcome.THROTTLED).toList();
        long itemBytes = meanItemBytes(stack.table(Demo.TABLE).items());
        Map<String, Long> writes = new TreeMap<>();
        ledger.entries(LedgerEntry.ItemWrite.class).stream().filter(w -> w.table().name().equals(Demo.TABLE)
                && !w.operation().equals("TimeToLive"))
                .forEach(w -> writes.merge(w.table().region(), units(itemBytes, 1024), Long::sum));
        long reads = requests.stream().filter(r -> r.service() == AwsService.DYNAMODB && r.status() == 200
                && List.of("GetItem", "Query", "Scan").contains(r.operation())).count() * units(itemBytes, 4096);
        long sends = ledger.entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.kind() == LedgerEntry.MessageEvent.SENT)
                .mapToLong(m -> m.body() == null ? 1 : units(m.body().getBytes(StandardCharsets.UTF_8).length, 65_536))
                .sum();
        long otherSqs = requests.stream().filter(r -> r.service() == AwsService.SQS
                && !r.operation().startsWith("SendMessage")).count();
        long batches = runs.stream().filter(i -> i.trigger().startsWith("sqs:")).count();
        double gbSeconds = runs.stream().mapToDouble(i -> billedMillis(i) / 1000.0
                * memoryMb.getOrDefault(i.function().name(), 128) / 1024.0).sum();
        return new CostUsage(stack.queue(Demo.QUEUE).ref().region(),
                ledger.entries(LedgerEntry.ApiRequest.class).size(), sends + otherSqs + 2 * batches, runs.size(),
                gbSeconds, writes, reads, writes.size() > 1,
                requests.stream().filter(r -> r.service() == AwsService.S3 && r.operation().equals("PutObject")
                        && r.fault() == null).count(),
                requests.stream().filter(r -> r.service() == AwsService.S3 && r.fault() == null
                        && (r.operation().equals("GetObject") || r.operation().equals("HeadObject"))).count(),
                storedGbMonths(stack), itemBytes);
    }

    /** A duration as Lambda bills it: rounded up to the next millisecond, at least 1 ms. */
    static long billedMillis(LedgerEntry.Invocation invocation) {
        long nanos = Duration.between(invocation.start(), invocation.end()).toNanos();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /** How many units of {@code unitBytes} (1 KB for a write, 4 KB for a read, 64 KB for SQS) {@code bytes} is. */
    static long units(long bytes, long unitBytes) {
        return Math.max(1, (bytes + unitBytes - 1) / unitBytes);
    }

    /**
     * An item's size as DynamoDB counts it: the attribute names' UTF-8 bytes plus the values' (a string's UTF-8
     * bytes; a number about one byte per two significant digits plus one; a boolean or null one byte).
     */
    static long itemBytes(Map<String, Object> item) {
        long bytes = 0;
        for (Map.Entry<String, Object> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            Object value = attribute.getValue();
            if (value instanceof Number number) {
                bytes += (number.toString().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
            } else if (value instanceof byte[] binary) {
                bytes += binary.length;
            } else if (value == null || value instanceof Boolean) {
                bytes += 1;
            } else {
                bytes += value.toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private static long meanItemBytes(List<Map<String, Object>> items) {
        return items.isEmpty() ? 0 : Math.round(items.stream().mapToLong(CostUsage::itemBytes).average().orElse(0));
    }

    private static double storedGbMonths(Stack stack) {
        Instant end = stack.clock().now();
        var bucket = stack.bucket(Demo.RECEIPTS);
        Map<String, Instant> written = new TreeMap<>();
        stack.ledger().entries(LedgerEntry.ObjectWrite.class).stream()
                .filter(w -> w.outcome() == LedgerEntry.WriteOutcome.APPLIED && w.bucket().equals(bucket.ref()))
                .forEach(w -> written.putIfAbsent(w.key(), w.at()));
        double byteHours = 0;
        for (String key : bucket.keys()) {
            Instant at = written.getOrDefault(key, end);
            byteHours += bucket.content(key).length * (Duration.between(at, end).toMillis() / 3_600_000.0);
        }
        return byteHours / 1e9 / HOURS_PER_MONTH;
    }
}
