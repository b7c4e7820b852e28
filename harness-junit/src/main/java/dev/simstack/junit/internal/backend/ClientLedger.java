package dev.simstack.junit.internal.backend;

import dev.simstack.assertions.internal.PartialLedger;
import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ledger of a remote backend: what the harness's injected clients saw, recorded by {@link LedgerRecorder}
 * (each attempt, and the messages, item writes and object writes their answers show), stamped on the wall
 * clock. What happened on the backend without passing through those clients (a Lambda function's work, a move
 * to a dead-letter queue, an application's own clients) is not in it; {@link #cannotHold(String, String)}
 * says so, naming the backend.
 */
public final class ClientLedger implements PartialLedger {

    private final String backend;
    private final String testClass;
    private final Clock clock;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();
    /** The declared queues, tables and buckets, as the entries name them. */
    private final List<ResourceRef> declared = new CopyOnWriteArrayList<>();

    ClientLedger(String backend, String testClass, Clock clock) {
        this.backend = backend;
        this.testClass = testClass;
        this.clock = clock;
    }

    /** Adds a declared resource, created on the backend, as its entries will name it. */
    void declare(ResourceRef resource) {
        declared.add(resource);
    }

    @Override
    public Optional<ResourceRef> declared(AwsService service, String region, String name) {
        return declared.stream().filter(ref -> ref.service() == service && ref.name().equals(name)
                && (region == null || ref.region().equals(region))).findFirst();
    }

    @Override
    public List<String> declaredNames(AwsService service) {
        return declared.stream().filter(ref -> ref.service() == service).map(ResourceRef::name).distinct().toList();
    }

    /** A stamp and a sequence number for an entry to append. */
    interface Stamped {
        LedgerEntry at(long sequence, Instant at);
    }

    /** Appends the entry {@code stamped} makes, numbered next and stamped now. */
    LedgerEntry append(Stamped stamped) {
        LedgerEntry entry;
        synchronized (entries) {
            entry = stamped.at(entries.size(), clock.instant());
            entries.add(entry);
        }
        listeners.forEach(listener -> listener.accept(entry));
        return entry;
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public List<LedgerEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public <T extends LedgerEntry> List<T> entries(Class<T> kind) {
        return entries().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Always 0: a client ledger keeps every entry (it is bounded by the test's own calls). */
    @Override
    public long evicted() {
        return 0;
    }

    @Override
    public int limit() {
        return 0;
    }

    @Override
    public LedgerEntry.HttpCall recordHttpCall(String dependency, String method, String path, String businessKey,
            int status, String fault) {
        return (LedgerEntry.HttpCall) append((sequence, at) -> new LedgerEntry.HttpCall(sequence, at, dependency,
                method, path, businessKey, status, fault));
    }

    @Override
    public AutoCloseable subscribe(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Names the backend: the ledger here holds only what the test's own clients saw. */
    @Override
    public IllegalStateException cannotHold(String assertion, String facts) {
        return new IllegalStateException(assertion + " reads " + facts + ", which " + testClass + "'s ledger cannot"
                + " hold: it runs on backend " + backend + ", where the ledger holds only what the test's own clients"
                + " saw. Pin the class with @SimStack(backend = Backend.EMBEDDED) and assert on the stack there");
    }

    @Override
    public String toString() {
        return "the ledger of " + testClass + "'s clients on backend " + backend;
    }
}
