package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The append-only record of what happened in a stack, in order: requests, message lifecycle steps, DynamoDB
 * item writes, S3 object writes, Lambda invocations, API Gateway requests and calls to HTTP dependencies outside
 * the engine (the kinds of {@link LedgerEntry}).
 * Entries about a resource name it with its {@link ResourceRef}. Reads return snapshots; appends from any
 * thread are cheap and never block readers.
 *
 * <p><b>A limited ledger can be incomplete.</b> A stack configured with
 * {@link StackConfig#withLedgerLimit(int)} (the standalone server's {@code --ledger-limit}, on by default
 * there) keeps only the newest entries: an append to a full ledger evicts the oldest one, and
 * {@link #evicted()} counts it. Sequence numbers go on regardless, so the kept entries' numbers start above
 * 0 and have no gaps. A ledger that has evicted anything no longer shows everything that happened: "each
 * message delivered at least once" or "each effect exactly once" checked against it could pass or fail for
 * the wrong reason. Anything that needs the whole record calls {@link #requireComplete(String)}, which
 * fails with the limit, the count and the fix. An embedded stack keeps everything unless told otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Ledger {

    /** Every entry kept, in sequence order. */
    List<LedgerEntry> entries();

    /** Every entry kept of one kind, in sequence order. */
    <T extends LedgerEntry> List<T> entries(Class<T> kind);

    /** How many entries are kept (at most {@link #limit()} when there is one). */
    int size();

    /**
     * How many entries the limit has evicted since the stack started or was last reset as a whole
     * ({@link Stack#reset()}): a reset empties the ledger and zeroes this count, because from then on the
     * ledger is again the whole record of what happened since. A reset of single services keeps both.
     * Entries a reset clears are not counted here.
     */
    long evicted();

    /** The most entries kept, or 0 when there is no limit (an embedded stack's default). */
    int limit();

    /**
     * Fails unless the ledger still holds every entry since the stack started or was last reset, that is
     * unless {@link #evicted()} is 0. Call it where a check needs the whole record, after taking the
     * entries it reads: evictions only grow until a reset, so a check that passes after the read proves
     * the read was complete (one before it could be overtaken by appends).
     *
     * @param why what needs the whole record, for the message, e.g. {@code "exactly-once delivery of orders"}
     * @throws IllegalStateException naming the limit, how many entries were evicted and how to keep them
     */
    default void requireComplete(String why) {
        long evicted = evicted();
        if (evicted > 0) {
            throw new IllegalStateException(why + " needs the whole ledger, but this stack keeps only its newest "
                    + limit() + " entries and has evicted " + evicted + " older ones since it started or was last"
                    + " reset. Raise the limit (StackConfig.withLedgerLimit(n), or --ledger-limit N for the"
                    + " standalone server; 0 keeps every entry), or reset the stack before the traffic the"
                    + " check reads.");
        }
    }

    /**
     * Appends a call that an HTTP dependency outside the engine served (a stubbed payment provider, say),
     * stamped now on the stack's clock with the next sequence number, under the same limit and eviction as
     * every other entry. This is how code outside the engine (the fixtures' HTTP dependency) puts what it
     * served in the stack's record, so that assertions and the report read it like the rest.
     *
     * @param dependency the dependency's name, e.g. {@code payments}
     * @param method the HTTP method
     * @param path the request's path (and query)
     * @param businessKey the business key read from the request, or {@code null} for none
     * @param status the HTTP status answered, or 0 when none was (a reset connection)
     * @param fault the fault applied, or {@code null}
     * @return the entry recorded
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    LedgerEntry.HttpCall recordHttpCall(String dependency, String method, String path, String businessKey,
            int status, String fault);

    /**
     * Calls {@code listener} for every entry appended from now on, in the appending thread — which may
     * hold a service's lock (a queue's, while it records a delivery). Keep it fast and never call back
     * into the stack from it; hand work to another thread instead. Closing the returned handle stops
     * the calls. A subscriber sees every entry, including those the limit evicts later.
     */
    AutoCloseable subscribe(Consumer<LedgerEntry> listener);
}
