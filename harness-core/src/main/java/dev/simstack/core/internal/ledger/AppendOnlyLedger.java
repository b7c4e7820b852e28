package dev.simstack.core.internal.ledger;

import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The stack's ledger: appends under a short lock that also hands out sequence numbers. */
public final class AppendOnlyLedger implements Ledger {

    private final SimClock clock;
    private final List<LedgerEntry> entries = new ArrayList<>(1024);
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();
    /** Entries cleared by resets; sequence numbers go on from them, so they never repeat. */
    private long dropped;

    public AppendOnlyLedger(SimClock clock) {
        this.clock = clock;
    }

    /** Appends a request entry stamped now. */
    public void request(String service, String operation, String region, String protocol, int status,
            String errorCode, String fault, Duration latency) {
        LedgerEntry.Request entry;
        synchronized (entries) {
            entry = new LedgerEntry.Request(next(), clock.now(), service, operation, region, protocol, status,
                    errorCode, fault, latency);
            entries.add(entry);
        }
        publish(entry);
    }

    /** Appends a message lifecycle entry stamped now. */
    public void message(LedgerEntry.MessageEvent kind, String region, String queueArn, String messageId,
            int receiveCount, String consumer) {
        LedgerEntry.Message entry;
        synchronized (entries) {
            entry = new LedgerEntry.Message(next(), clock.now(), kind, region, queueArn, messageId,
                    receiveCount, consumer);
            entries.add(entry);
        }
        publish(entry);
    }

    /** Appends a DynamoDB item write entry stamped now. */
    public void itemWrite(String table, String region, String key, String operation,
            LedgerEntry.ConditionOutcome outcome) {
        LedgerEntry.ItemWrite entry;
        synchronized (entries) {
            entry = new LedgerEntry.ItemWrite(next(), clock.now(), table, region, key, operation, outcome);
            entries.add(entry);
        }
        publish(entry);
    }

    /** Appends a Lambda invocation entry stamped now. */
    public void invocation(String function, String region, String requestId, String environmentId,
            boolean coldStart, java.time.Instant start, LedgerEntry.InvocationOutcome outcome, String trigger,
            List<String> carried) {
        LedgerEntry.Invocation entry;
        synchronized (entries) {
            java.time.Instant now = clock.now();
            entry = new LedgerEntry.Invocation(next(), now, function, region, requestId, environmentId,
                    coldStart, start, now, outcome, trigger, List.copyOf(carried));
            entries.add(entry);
        }
        publish(entry);
    }

    /** Appends an API Gateway request entry stamped now. */
    public void apiRequest(String apiId, String stage, String routeKey, String method, String path, int status,
            Duration latency, boolean throttled) {
        LedgerEntry.ApiRequest entry;
        synchronized (entries) {
            entry = new LedgerEntry.ApiRequest(next(), clock.now(), apiId, stage, routeKey, method, path,
                    status, latency, throttled);
            entries.add(entry);
        }
        publish(entry);
    }

    /** The next entry's sequence number; under the lock. */
    private long next() {
        return dropped + entries.size();
    }

    private void publish(LedgerEntry entry) {
        for (Consumer<LedgerEntry> listener : listeners) {
            listener.accept(entry);
        }
    }

    @Override
    public List<LedgerEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public <T extends LedgerEntry> List<T> entries(Class<T> kind) {
        List<T> matching = new ArrayList<>();
        synchronized (entries) {
            for (LedgerEntry entry : entries) {
                if (kind.isInstance(entry)) {
                    matching.add(kind.cast(entry));
                }
            }
        }
        return matching;
    }

    /** Drops every entry (a reset of the stack); later entries continue the sequence. Subscribers stay. */
    public void clear() {
        synchronized (entries) {
            dropped += entries.size();
            entries.clear();
        }
    }

    @Override
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
