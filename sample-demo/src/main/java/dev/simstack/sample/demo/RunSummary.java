package dev.simstack.sample.demo;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run did, every figure read from the stack (its ledger, table, bucket and queues) or the burst, so
 * that they can be checked against each other: every order sent was accepted, throttled or failed, and every
 * accepted order was processed or is in the dead-letter queue.
 */
record RunSummary(int sent, int accepted, int throttled, int failed, long ledgerAccepted, long ledgerThrottled,
        long processed, int receipts, int inDeadLetterQueue, long redelivered, int charges, int ordersCharged,
        Duration apiP50, Duration apiP95, Duration apiP99, List<Duration> orderLatencies, int peakQueueDepth,
        int peakWorkerConcurrency, int peakApiConcurrency, long workerInvocations, long workerColdStarts,
        long duplicatesSuppressed, long throttledTableCalls) {

    static RunSummary read(Stack stack, BurstResult burst, PaymentProviderServer provider) {
        List<LedgerEntry.Message> messages = stack.ledger().entries(LedgerEntry.Message.class);
        List<LedgerEntry.Invocation> invocations = stack.ledger().entries(LedgerEntry.Invocation.class);
        List<LedgerEntry.ApiRequest> requests = stack.ledger().entries(LedgerEntry.ApiRequest.class);
        var queue = stack.queue(Demo.QUEUE).ref();
        var worker = stack.function(Demo.WORKER).ref();
        List<LedgerEntry.Invocation> workerRuns = invocations.stream().filter(i -> i.function().equals(worker)
                && i.outcome() != LedgerEntry.InvocationOutcome.THROTTLED).toList();
        long paid = stack.table(Demo.TABLE).items().stream().filter(item -> "PAID".equals(item.get("status"))).count();
        return new RunSummary(burst.total(), burst.accepted(), burst.throttled(), burst.failed(),
                requests.stream().filter(r -> r.status() / 100 == 2).count(),
                requests.stream().filter(LedgerEntry.ApiRequest::throttled).count(),
                paid, stack.bucket(Demo.RECEIPTS).objectCount(), stack.queue(Demo.DLQ).depth().total(),
                LedgerFigures.redelivered(messages, queue), provider.calls(), provider.ordersCharged(),
                burst.p50(), burst.p95(), burst.p99(), LedgerFigures.sentToDeleted(messages, queue),
                LedgerFigures.peakQueueDepth(messages, queue), LedgerFigures.peakConcurrency(invocations, worker),
                LedgerFigures.peakConcurrency(invocations, stack.function(Demo.API_FUNCTION).ref()),
                workerRuns.size(), workerRuns.stream().filter(LedgerEntry.Invocation::coldStart).count(),
                duplicatesSuppressed(stack), stack.ledger().entries(LedgerEntry.Request.class).stream()
                        .filter(r -> r.service() == AwsService.DYNAMODB && r.fault() != null).count());
    }

    /**
     * Deliveries of an order that was PAID already: the worker found it PAID and charged nothing, and its receipt's
     * conditional put ({@code If-None-Match: *}) was refused because the first delivery had written it.
     */
    static long duplicatesSuppressed(Stack stack) {
        var bucket = stack.bucket(Demo.RECEIPTS).ref();
        return stack.ledger().entries(LedgerEntry.ObjectWrite.class).stream().filter(w -> w.bucket().equals(bucket)
                && w.outcome() == LedgerEntry.WriteOutcome.PRECONDITION_FAILED).count();
    }

    /** Every order sent is accounted for, and the burst's counts are the ledger's. */
    Map<String, Boolean> checks() {
        return Map.of(
                "sent = accepted + throttled + failed", sent == accepted + throttled + failed,
                "accepted = processed + in the DLQ", accepted == processed + inDeadLetterQueue,
                "the ledger's API requests agree (2xx and 429)", ledgerAccepted == accepted
                        && ledgerThrottled == throttled,
                "every paid order charged (once per idempotency key)", ordersCharged >= processed
                        && ordersCharged <= processed + inDeadLetterQueue,
                "duplicates suppressed charged nothing (repeated payment calls only for redeliveries of unpaid "
                        + "orders)", duplicatesSuppressed <= redelivered
                        && charges - ordersCharged <= redelivered - duplicatesSuppressed);
    }

    boolean consistent() {
        return checks().values().stream().allMatch(ok -> ok);
    }

    void print(PrintStream out) {
        out.println();
        out.println("Summary (times are virtual: the stack's clock; figures from its ledger, table, bucket and queues)");
        row(out, "orders sent", Long.toString(sent));
        row(out, "accepted (202)", Long.toString(accepted));
        row(out, "throttled (429)", throttled + "  (" + percent(throttled, sent) + " of those sent; backpressure "
                + "from the stage's throttle)");
        row(out, "failed", Long.toString(failed));
        row(out, "processed (PAID)", processed + "  (receipts in S3: " + receipts + ")");
        row(out, "in the dead-letter queue", Long.toString(inDeadLetterQueue));
        row(out, "redelivered messages", redelivered + "  (duplicate delivery fault, and any retries)");
        row(out, "duplicates suppressed", duplicatesSuppressed + "  (deliveries of an already-paid order: found PAID, "
                + "nothing charged, its receipt's put refused)");
        row(out, "throttled DynamoDB calls", throttledTableCalls + "  (throttling fault on the orders table; the "
                + "SDK retried them)");
        row(out, "payment calls", charges + " for " + ordersCharged + " orders (a repeated idempotency key charges "
                + "nothing more)");
        row(out, "API latency", "p50 " + human(apiP50) + ", p95 " + human(apiP95) + ", p99 " + human(apiP99));
        row(out, "order placed to paid", "p50 " + human(LedgerFigures.percentile(orderLatencies, 50)) + ", p95 "
                + human(LedgerFigures.percentile(orderLatencies, 95)) + ", p99 "
                + human(LedgerFigures.percentile(orderLatencies, 99)) + ", max "
                + human(LedgerFigures.percentile(orderLatencies, 100)));
        row(out, "peak queue depth", Long.toString(peakQueueDepth));
        row(out, "peak concurrency", "worker " + peakWorkerConcurrency + ", API " + peakApiConcurrency);
        row(out, "worker invocations", workerInvocations + " (" + workerColdStarts + " cold starts)");
        out.println();
        checks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(check ->
                out.println("  " + (check.getValue() ? "ok    " : "WRONG ") + check.getKey()));
    }

    /** What {@link #print} prints, for the report. */
    String text() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        print(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip() + "\n";
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-26s %s%n", name, value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    /** {@code 0ms}, {@code 420ms}, {@code 3.2s}, {@code 2m05s}. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        return String.format("%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }
}
