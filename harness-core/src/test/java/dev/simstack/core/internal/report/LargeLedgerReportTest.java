package dev.simstack.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.ledger.AppendOnlyLedger;
import dev.simstack.core.internal.resources.DeclaredResources;
import dev.simstack.core.internal.stack.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger of 100,000 entries renders: charts and timeline aggregate every entry into time buckets, the event
 * list shows the first and last 500 and says how many it leaves out, and the page stays small.
 */
class LargeLedgerReportTest {

    private static final int ENTRIES = 100_000;

    @Test
    void a_ledger_of_100_000_entries_renders_with_a_capped_event_list(@TempDir Path directory) throws Exception {
        StackConfig config = StackConfig.defaults().withSeed(3).withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withDeadLetterQueue("orders-dlq", 3));
        try (Engine engine = new Engine(config)) {
            DeclaredResources.create(engine);
            fill(engine);
            String endpoint = "http://" + engine.hostAndPort();
            long started = System.nanoTime();
            Path file = StackReport.write(engine, endpoint, directory.resolve("large.html"));
            System.out.printf("report of %,d entries written in %d ms%n", ENTRIES, (System.nanoTime() - started) / 1_000_000);
            String html = Files.readString(file);

            assertThat(engine.context().ledger().size()).isEqualTo(ENTRIES);
            assertThat(html).contains("Ledger entries (100,000)")
                    .contains("… 99,000 entries between #500 and #99499 are left out of this list")
                    .contains("<div class=\"value\">100,000</div><div class=\"name\">ledger entries</div>");
            assertThat(html.split("<tr class=\"", -1)).hasSize(1 + 2 * EventList.SHOWN + 1 + 0);
            assertThat(Files.size(file)).isLessThan(2_000_000);
        }
    }

    /** About six entries per order, one order per virtual millisecond, until the ledger holds {@link #ENTRIES}. */
    private static void fill(Engine engine) {
        AppendOnlyLedger ledger = engine.context().ledger();
        String account = engine.config().accountId();
        ResourceRef queue = ResourceRef.queue("us-east-1", account, "orders");
        ResourceRef table = ResourceRef.table("us-east-1", account, "orders");
        ResourceRef function = ResourceRef.function("us-east-1", account, "store-orders");
        ResourceRef api = ResourceRef.api("us-east-1", account, "a1b2c3d4e5");
        for (int order = 0; ledger.size() < ENTRIES; order++) {
            String id = "m-" + order;
            step(ledger, () -> ledger.apiRequest(api, "prod", "POST /orders", "POST", "/orders", 200, Duration.ZERO,
                    false));
            step(ledger, () -> ledger.message(LedgerEntry.MessageEvent.SENT, queue, id, 0, "test"));
            step(ledger, () -> ledger.message(LedgerEntry.MessageEvent.DELIVERED, queue, id, 1, "esm"));
            step(ledger, () -> ledger.invocation(function, id, "env-1", false, engine.context().clock().now(),
                    LedgerEntry.InvocationOutcome.SUCCESS, "sqs:" + queue.arn(), List.of(id)));
            step(ledger, () -> ledger.request(AwsService.DYNAMODB, "PutItem", "us-east-1", table, "json",
                    200, null, null, Duration.ZERO));
            step(ledger, () -> ledger.itemWrite(table, "id=" + id, "PutItem", LedgerEntry.ConditionOutcome.APPLIED));
            step(ledger, () -> ledger.message(LedgerEntry.MessageEvent.DELETED, queue, id, 1, "esm"));
            engine.context().clock().advance(Duration.ofMillis(1));
        }
    }

    private static void step(AppendOnlyLedger ledger, Runnable append) {
        if (ledger.size() < ENTRIES) {
            append.run();
        }
    }
}
