package dev.simstack.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.ResourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The depth chart counts the messages a queue holds, by id. */
class QueueDepthSeriesTest {

    private static final ResourceRef ORDERS = ResourceRef.queue("us-east-1", "000000000000", "orders");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_message_delivered_again_after_its_delete_is_back_in_the_queue_and_depth_never_goes_below_zero() {
        List<LedgerEntry> entries = new ArrayList<>();
        step(entries, 0, MessageEvent.SENT, "m-1", 0);
        step(entries, 1_000, MessageEvent.DELIVERED, "m-1", 1);
        step(entries, 2_000, MessageEvent.DELETED, "m-1", 1);
        step(entries, 3_000, MessageEvent.DELIVERED, "m-1", 2);   // duplicate delivery after the delete
        step(entries, 4_000, MessageEvent.DELETED, "m-1", 2);
        step(entries, 5_000, MessageEvent.DELETED, "m-1", 2);     // a late delete with an old receipt handle
        step(entries, 120_000, MessageEvent.SENT, "m-2", 0);

        LedgerSeries series = LedgerSeries.of(entries, TimeAxis.of(entries), new Names(false, id -> id), Map.of());

        double[] depth = series.depth().values().iterator().next();
        assertThat(Arrays.stream(depth).min().orElseThrow()).isZero();
        assertThat(Arrays.stream(depth).max().orElseThrow()).isEqualTo(1);
        assertThat(depth[depth.length - 1]).isEqualTo(1);   // m-2 waits at the end
    }

    private static void step(List<LedgerEntry> entries, long millis, MessageEvent kind, String id, int receives) {
        entries.add(new LedgerEntry.Message(entries.size(), START.plusMillis(millis), kind, ORDERS, id, receives,
                "consumer"));
    }
}
