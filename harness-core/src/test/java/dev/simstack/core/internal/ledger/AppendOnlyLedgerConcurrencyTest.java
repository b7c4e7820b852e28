package dev.simstack.core.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Appends racing, on a small limit and of every kind: numbered once each, densely, in append order. */
class AppendOnlyLedgerConcurrencyTest {

    private static final int THREADS = 4;
    private static final int APPENDS_PER_THREAD = 18_000; // a multiple of the six kinds
    private static final int LIMIT = 100;
    private static final String ACCOUNT = "000000000000";
    private static final ResourceRef QUEUE = ResourceRef.queue("us-east-1", ACCOUNT, "orders");
    private static final ResourceRef TABLE = ResourceRef.table("us-east-1", ACCOUNT, "orders");
    private static final ResourceRef BUCKET = ResourceRef.bucket("us-east-1", ACCOUNT, "receipts");
    private static final ResourceRef FUNCTION = ResourceRef.function("us-east-1", ACCOUNT, "worker");
    private static final ResourceRef API = ResourceRef.api("us-east-1", ACCOUNT, "a1b2c3d4e5");

    @Test
    void concurrent_appends_keep_the_newest_limit_entries_with_no_sequence_lost_or_repeated() throws Exception {
        AppendOnlyLedger ledger = new AppendOnlyLedger(new ManualClock(Instant.EPOCH, Runnable::run), LIMIT);
        Set<Long> published = ConcurrentHashMap.newKeySet();
        ledger.subscribe(entry -> assertThat(published.add(entry.sequence())).isTrue());

        race((thread, i) -> ledger.itemWrite(TABLE, "id=" + thread + "-" + i, "PutItem",
                LedgerEntry.ConditionOutcome.APPLIED));

        long total = (long) THREADS * APPENDS_PER_THREAD;
        assertThat(ledger.size()).isEqualTo(LIMIT);
        assertThat(ledger.evicted()).isEqualTo(total - LIMIT);
        assertThat(ledger.entries()).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.range(total - LIMIT, total).boxed().toList());
        assertThat(ledger.entries(LedgerEntry.ItemWrite.class)).extracting(LedgerEntry.ItemWrite::key)
                .doesNotHaveDuplicates();
        assertThat(published).hasSize((int) total).allMatch(sequence -> sequence >= 0 && sequence < total);
    }

    @Test
    void racing_appends_of_every_kind_are_numbered_densely_in_each_threads_append_order() throws Exception {
        AppendOnlyLedger ledger = new AppendOnlyLedger(new ManualClock(Instant.EPOCH, Runnable::run));
        List<LedgerEntry> published = new ArrayList<>();
        ledger.subscribe(entry -> {
            synchronized (published) {
                published.add(entry);
            }
        });

        race((thread, i) -> appendOneOfEach(ledger, thread + "-" + i, i));

        long total = (long) THREADS * APPENDS_PER_THREAD;
        List<LedgerEntry> entries = ledger.entries();
        assertThat(entries).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
        assertThat(published).extracting(LedgerEntry::sequence).doesNotHaveDuplicates().hasSize((int) total);
        Map<Class<?>, Long> kinds = entries.stream().collect(Collectors.groupingBy(Object::getClass,
                Collectors.counting()));
        assertThat(kinds).hasSize(6).allSatisfy((kind, count) -> assertThat(count).isEqualTo(total / 6));
        // each thread's appends are in the order it made them: its tags' counters only grow along the ledger
        Map<String, Integer> lastSeen = new ConcurrentHashMap<>();
        for (LedgerEntry entry : entries) {
            String[] tag = tag(entry).split("-");
            Integer previous = lastSeen.put(tag[0], Integer.parseInt(tag[1]));
            assertThat(previous == null || previous < Integer.parseInt(tag[1]))
                    .as("thread %s's append %s after %s", tag[0], tag[1], previous).isTrue();
        }
    }

    /** The i-th append of a thread, of the kind {@code i} picks (the six kinds in turn). */
    private static void appendOneOfEach(AppendOnlyLedger ledger, String tag, int i) {
        switch (i % 6) {
            case 0 -> ledger.request(dev.simstack.core.AwsService.SQS, "SendMessage", "us-east-1", QUEUE, "json", 200, null,
                    tag, Duration.ZERO);
            case 1 -> ledger.message(LedgerEntry.MessageEvent.SENT, QUEUE, tag, 0, null);
            case 2 -> ledger.itemWrite(TABLE, tag, "PutItem", LedgerEntry.ConditionOutcome.APPLIED);
            case 3 -> ledger.objectWrite(BUCKET, tag, null, LedgerEntry.ObjectWriteKind.PUT, "PutObject",
                    LedgerEntry.WriteOutcome.APPLIED);
            case 4 -> ledger.invocation(FUNCTION, tag, null, false, Instant.EPOCH,
                    LedgerEntry.InvocationOutcome.SUCCESS, "invoke", List.of());
            default -> ledger.apiRequest(API, "prod", null, "GET", tag, 200, Duration.ZERO, false);
        }
    }

    /** The tag {@link #appendOneOfEach} put in an entry. */
    private static String tag(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.Request request) {
            return request.fault();
        } else if (entry instanceof LedgerEntry.Message message) {
            return message.messageId();
        } else if (entry instanceof LedgerEntry.ItemWrite write) {
            return write.key();
        } else if (entry instanceof LedgerEntry.ObjectWrite write) {
            return write.key();
        } else if (entry instanceof LedgerEntry.Invocation invocation) {
            return invocation.requestId();
        }
        return ((LedgerEntry.ApiRequest) entry).path();
    }

    @FunctionalInterface
    private interface Append {
        void append(long thread, int i);
    }

    /** Runs {@code append} {@link #APPENDS_PER_THREAD} times on each of {@link #THREADS} threads, all at once. */
    private static void race(Append append) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> writers = LongStream.range(0, THREADS).mapToObj(thread -> pool.submit(() -> {
                start.await();
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    append.append(thread, i);
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
    }
}
