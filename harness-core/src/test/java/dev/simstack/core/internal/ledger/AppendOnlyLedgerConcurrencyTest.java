package dev.simstack.core.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.internal.clock.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Appends racing on a small limit: the ring keeps exactly the newest entries, numbered once each. */
class AppendOnlyLedgerConcurrencyTest {

    private static final int THREADS = 4;
    private static final int APPENDS_PER_THREAD = 20_000;
    private static final int LIMIT = 100;

    @Test
    void concurrent_appends_keep_the_newest_limit_entries_with_no_sequence_lost_or_repeated() throws Exception {
        AppendOnlyLedger ledger = new AppendOnlyLedger(new ManualClock(Instant.EPOCH, Runnable::run), LIMIT);
        Set<Long> published = ConcurrentHashMap.newKeySet();
        ledger.subscribe(entry -> assertThat(published.add(entry.sequence())).isTrue());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> writers = LongStream.range(0, THREADS).mapToObj(thread -> pool.submit(() -> {
                start.await();
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    ledger.itemWrite("orders", "us-east-1", "id=" + thread + "-" + i, "PutItem",
                            LedgerEntry.ConditionOutcome.APPLIED);
                }
                return null;
            })).toList();
            start.countDown();
            for (Future<Object> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long total = (long) THREADS * APPENDS_PER_THREAD;
        assertThat(ledger.size()).isEqualTo(LIMIT);
        assertThat(ledger.evicted()).isEqualTo(total - LIMIT);
        assertThat(ledger.entries()).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.range(total - LIMIT, total).boxed().toList());
        assertThat(ledger.entries(LedgerEntry.ItemWrite.class)).extracting(LedgerEntry.ItemWrite::key)
                .doesNotHaveDuplicates();
        assertThat(published).hasSize((int) total).allMatch(sequence -> sequence >= 0 && sequence < total);
    }
}
