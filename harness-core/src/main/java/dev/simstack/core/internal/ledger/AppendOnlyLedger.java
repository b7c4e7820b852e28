package dev.simstack.core.internal.ledger;

import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
        String sharedOperation = names.of(operation);
        String sharedRegion = names.of(region);
        ResourceRef sharedResource = names.of(resource);
        String sharedProtocol = names.of(protocol);
        String sharedError = names.of(errorCode);
        String sharedFault = names.of(fault);
        append((sequence, now) -> new LedgerEntry.Request(sequence, now, service, sharedOperation, sharedRegion,
                sharedResource, sharedProtocol, status, sharedError, sharedFault, latency));
    }

    /** Appends a message lifecycle entry stamped now, for a message without a group. */
    public void message(LedgerEntry.MessageEvent kind, ResourceRef queue, String messageId, int receiveCount,
            String consumer) {
        message(kind, queue, messageId, receiveCount, consumer, null);
    }

    /** Appends a message lifecycle entry stamped now, without a body; {@code messageGroupId} may be null. */
    public void message(LedgerEntry.MessageEvent kind, ResourceRef queue, String messageId, int receiveCount,
            String consumer, String messageGroupId) {
        message(kind, queue, messageId, receiveCount, consumer, messageGroupId, null);
    }

    /**
     * Appends a message lifecycle entry stamped now; {@code messageGroupId} and {@code body} may be null. The
     * body is kept as given (the queue's own instance, never copied), and is meant for the SENT step only.
     */
    public void message(LedgerEntry.MessageEvent kind, ResourceRef queue, String messageId, int receiveCount,
            String consumer, String messageGroupId, String body) {
        ResourceRef sharedQueue = names.of(queue);
        String sharedConsumer = names.of(consumer);
        String sharedGroup = names.of(messageGroupId);
        append((sequence, now) -> new LedgerEntry.Message(sequence, now, kind, sharedQueue, messageId,
                receiveCount, sharedConsumer, sharedGroup, body));
    }

    /** Appends a DynamoDB item write entry stamped now. */
    public void itemWrite(ResourceRef table, String key, String operation, LedgerEntry.ConditionOutcome outcome) {
        ResourceRef sharedTable = names.of(table);
        String sharedOperation = names.of(operation);
        append((sequence, now) -> new LedgerEntry.ItemWrite(sequence, now, sharedTable, key, sharedOperation,
                outcome));
    }

    /** Appends an S3 object write entry stamped now. */
    public void objectWrite(ResourceRef bucket, String key, String versionId, LedgerEntry.ObjectWriteKind kind,
            String operation, LedgerEntry.WriteOutcome outcome) {
        ResourceRef sharedBucket = names.of(bucket);
        String sharedOperation = names.of(operation);
        append((sequence, now) -> new LedgerEntry.ObjectWrite(sequence, now, sharedBucket, key, versionId, kind,
                sharedOperation, outcome));
    }

    /** Appends a Lambda invocation entry stamped now; it ends now. */
    public void invocation(ResourceRef function, String requestId, String environmentId, boolean coldStart,
            Instant start, LedgerEntry.InvocationOutcome outcome, String trigger, List<String> carried) {
        List<String> carriedCopy = List.copyOf(carried);
        ResourceRef sharedFunction = names.of(function);
        String sharedTrigger = names.of(trigger);
        append((sequence, now) -> new LedgerEntry.Invocation(sequence, now, sharedFunction, requestId,
                environmentId, coldStart, start, now, outcome, sharedTrigger, carriedCopy));
    }

    /** Appends an API Gateway request entry stamped now. */
    public void apiRequest(ResourceRef api, String stage, String routeKey, String method, String path, int status,
            Duration latency, boolean throttled) {
        ResourceRef sharedApi = names.of(api);
        String sharedStage = names.of(stage);
        String sharedRoute = names.of(routeKey);
        String sharedMethod = names.of(method);
        append((sequence, now) -> new LedgerEntry.ApiRequest(sequence, now, sharedApi, sharedStage, sharedRoute,
                sharedMethod, path, status, latency, throttled));
    }

    @Override
    public LedgerEntry.HttpCall recordHttpCall(String dependency, String method, String path, String businessKey,
            int status, String fault) {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        String sharedDependency = names.of(dependency);
        String sharedMethod = names.of(method);
        String sharedFault = names.of(fault);
        return (LedgerEntry.HttpCall) append((sequence, now) -> new LedgerEntry.HttpCall(sequence, now,
                sharedDependency, sharedMethod, path, businessKey, status, sharedFault));
    }

    /** An entry but for its sequence number and time, which {@link #append} gives it under the lock. */
    @FunctionalInterface
    private interface Unstamped {
        LedgerEntry stamp(long sequence, Instant now);
    }

    /**
     * The one append path: numbers and stamps the entry under the lock (so sequence order is time order
     * and numbers are dense), keeps it in the ring, then hands it to the subscribers outside the lock.
     * Callers share repeated names ({@link Names}) before, outside the lock.
     */
    private LedgerEntry append(Unstamped unstamped) {
        LedgerEntry entry;
        boolean firstEviction;
        synchronized (entries) {
            entry = unstamped.stamp(nextSequence++, clock.now());
            firstEviction = keep(entry);
        }
        publish(entry, firstEviction);
        return entry;
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
