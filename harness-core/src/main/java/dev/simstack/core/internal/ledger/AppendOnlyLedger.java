package dev.simstack.core.internal.ledger;

import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SimClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The stack's ledger: appends under a short lock that also hands out sequence numbers. With a limit, the
 * entries are a ring: an append to a full ledger evicts the oldest entry (O(1), under the same lock).
 */
public final class AppendOnlyLedger implements Ledger {

    private final SimClock clock;
    /** At most {@link #limit} entries (when it is not 0), oldest first; the lock of every append and read. */
    private final ArrayDeque<LedgerEntry> entries;
    private final int limit;
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();
    private final Names names = new Names();
    /** The next entry's sequence number: never reset, so numbers never repeat after evictions or resets. */
    private long nextSequence;
    /** Entries evicted by the limit since the start or the last {@link #clear()}. */
    private long evicted;
    /** Whether the one log line about evictions was written (once per stack: a server runs for days). */
    private boolean evictionLogged;

    /** An unlimited ledger. */
    public AppendOnlyLedger(SimClock clock) {
        this(clock, 0);
    }

    /** A ledger keeping the newest {@code limit} entries, or all of them when {@code limit} is 0. */
    public AppendOnlyLedger(SimClock clock, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the ledger limit is at least 1, or 0 for none; got " + limit);
        }
        this.clock = clock;
        this.limit = limit;
        this.entries = new ArrayDeque<>(limit == 0 ? 1024 : Math.min(limit, 1024));
    }

    /** Appends a request entry stamped now; {@code service} and {@code resource} may be null. */
    public void request(AwsService service, String operation, String region, ResourceRef resource, String protocol,
            int status, String errorCode, String fault, Duration latency) {
        // Shared instances of repeated names, found outside the lock.
        operation = names.of(operation);
        region = names.of(region);
        resource = names.of(resource);
        protocol = names.of(protocol);
        errorCode = names.of(errorCode);
        fault = names.of(fault);
        LedgerEntry.Request entry;
        boolean firstEviction;
        synchronized (entries) {
            entry = new LedgerEntry.Request(nextSequence++, clock.now(), service, operation,
                    region, resource, protocol, status, errorCode, fault, latency);
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
    }

    /** Appends a message lifecycle entry stamped now. */
    public void message(LedgerEntry.MessageEvent kind, String region, String queueArn, String messageId,
            int receiveCount, String consumer) {
        // Shared instances of repeated names, found outside the lock.
        region = names.of(region);
        queueArn = names.of(queueArn);
        consumer = names.of(consumer);
        LedgerEntry.Message entry;
        boolean firstEviction;
        synchronized (entries) {
            entry = new LedgerEntry.Message(nextSequence++, clock.now(), kind, region, queueArn,
                    messageId, receiveCount, consumer);
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
    }

    /** Appends a DynamoDB item write entry stamped now. */
    public void itemWrite(String table, String region, String key, String operation,
            LedgerEntry.ConditionOutcome outcome) {
        // Shared instances of repeated names, found outside the lock.
        table = names.of(table);
        region = names.of(region);
        operation = names.of(operation);
        LedgerEntry.ItemWrite entry;
        boolean firstEviction;
        synchronized (entries) {
            entry = new LedgerEntry.ItemWrite(nextSequence++, clock.now(), table, region, key,
                    operation, outcome);
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
    }

    /** Appends a Lambda invocation entry stamped now. */
    public void invocation(String function, String region, String requestId, String environmentId,
            boolean coldStart, java.time.Instant start, LedgerEntry.InvocationOutcome outcome, String trigger,
            List<String> carried) {
        List<String> carriedCopy = List.copyOf(carried);
        // Shared instances of repeated names, found outside the lock.
        function = names.of(function);
        region = names.of(region);
        trigger = names.of(trigger);
        LedgerEntry.Invocation entry;
        boolean firstEviction;
        synchronized (entries) {
            java.time.Instant now = clock.now();
            entry = new LedgerEntry.Invocation(nextSequence++, now, function, region, requestId,
                    environmentId, coldStart, start, now, outcome, trigger, carriedCopy);
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
    }

    /** Appends an API Gateway request entry stamped now. */
    public void apiRequest(String apiId, String stage, String routeKey, String method, String path, int status,
            Duration latency, boolean throttled) {
        // Shared instances of repeated names, found outside the lock.
        apiId = names.of(apiId);
        stage = names.of(stage);
        routeKey = names.of(routeKey);
        method = names.of(method);
        LedgerEntry.ApiRequest entry;
        boolean firstEviction;
        synchronized (entries) {
            entry = new LedgerEntry.ApiRequest(nextSequence++, clock.now(), apiId, stage,
                    routeKey, method, path, status, latency, throttled);
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
    }

    /** Adds {@code entry}, evicting the oldest at the limit; under the lock. True on the stack's first eviction. */
    private boolean keep(LedgerEntry entry) {
        boolean full = limit != 0 && entries.size() == limit;
        if (full) {
            entries.pollFirst();
            evicted++;
        }
        entries.addLast(entry);
        boolean firstEviction = full && !evictionLogged;
        evictionLogged |= full;
        return firstEviction;
    }

    /** Hands {@code entry} to the subscribers: they see every entry, evicted later or not. */
    private void publish(LedgerEntry entry, boolean firstEviction) {
        if (firstEviction) {
            // The logger is looked up here, not at construction: most stacks never evict, and a stack's
            // start should not pay for logging it does not do.
            LoggerFactory.getLogger(AppendOnlyLedger.class).info("The ledger reached its limit of {} entries and"
                    + " now evicts the oldest; assertions that need the whole record will fail (raise the limit,"
                    + " or 0 for none: StackConfig.withLedgerLimit, --ledger-limit).", limit);
        }
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

    /**
     * Drops every entry (a reset of the stack) and the count of evicted ones: from here on the ledger is
     * again the whole record, of what happened since the reset. Later entries continue the sequence.
     * Subscribers stay.
     */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            evicted = 0;
        }
    }

    @Override
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public long evicted() {
        synchronized (entries) {
            return evicted;
        }
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public AutoCloseable subscribe(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
