package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The append-only record of what happened in a stack: requests and message lifecycle steps, in order.
 * Reads return snapshots; appends from any thread are cheap and never block readers.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Ledger {

    /** Every entry so far, in sequence order. */
    List<LedgerEntry> entries();

    /** Every entry of one kind so far, in sequence order. */
    <T extends LedgerEntry> List<T> entries(Class<T> kind);

    /** How many entries there are. */
    int size();

    /**
     * Calls {@code listener} for every entry appended from now on, in the appending thread — which may
     * hold a service's lock (a queue's, while it records a delivery). Keep it fast and never call back
     * into the stack from it; hand work to another thread instead. Closing the returned handle stops
     * the calls.
     */
    AutoCloseable subscribe(Consumer<LedgerEntry> listener);
}
