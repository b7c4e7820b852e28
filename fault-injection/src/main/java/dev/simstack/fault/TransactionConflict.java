package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.DynamoDbHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A write that meets another transaction on its item, as on AWS when two transactions, or a transaction and a
 * single-item write, touch one item at once: a {@code TransactWriteItems} is cancelled with
 * {@code TransactionCanceledException} whose {@code CancellationReasons} give {@code TransactionConflict}
 * ("Transaction is ongoing for the item") for the conflicting action and {@code None} for the others, and nothing is
 * written; {@link #withItemWrites with item writes}, a PutItem, UpdateItem or DeleteItem on a matching item answers
 * {@code TransactionConflictException}. The SDK does not retry either; the application does.
 *
 * <pre>{@code
 * FaultPlan.none().with(TransactionConflict.on("orders").withKey("o-1").withTimes(1));
 * }</pre>
 * In a plan file: {@code kind: transaction-conflict} with {@code table}, {@code key}, {@code itemWrites},
 * {@code probability}, {@code nth}, {@code times}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class TransactionConflict implements SemanticFault {

    private static final String TRANSACT = "TransactWriteItems";

    private final String name;
    private final String table;
    private final String key;
    private final boolean itemWrites;
    private final CallPicks picks;

    private TransactionConflict(String name, String table, String key, boolean itemWrites, CallPicks picks) {
        this.name = Objects.requireNonNull(name, "name");
        this.table = table;
        this.key = key;
        this.itemWrites = itemWrites;
        this.picks = picks;
    }

    /**
     * Cancels every transaction writing to {@code table} (narrow it with the {@code with*}s).
     *
     * @param table the table's name, in any region; null for every table
     * @return the fault, named {@code transaction-conflict}
     */
    public static TransactionConflict on(String table) {
        return new TransactionConflict("transaction-conflict", table, null, false, CallPicks.EVERY);
    }

    /**
     * This fault only for items of partition key {@code partitionKey}.
     *
     * @param partitionKey the partition key's value as text (a number as written, binary as Base64)
     * @return a new fault
     */
    public TransactionConflict withKey(String partitionKey) {
        return new TransactionConflict(name, table, partitionKey, itemWrites, picks);
    }

    /**
     * This fault also refusing PutItem, UpdateItem and DeleteItem with {@code TransactionConflictException}.
     *
     * @param alsoItemWrites true to refuse single-item writes too
     * @return a new fault
     */
    public TransactionConflict withItemWrites(boolean alsoItemWrites) {
        return new TransactionConflict(name, table, key, alsoItemWrites, picks);
    }

    /**
     * This fault picking each matching write with a chance, drawn from the stack's seed per table.
     *
     * @param probability in (0, 1]
     * @return a new fault
     */
    public TransactionConflict withProbability(double probability) {
        return new TransactionConflict(name, table, key, itemWrites, picks.withProbability(probability));
    }

    /**
     * This fault picking only the {@code nth} matching write (1-based; a transaction's actions count one each).
     *
     * @param nth the write's number among those that match
     * @return a new fault
     */
    public TransactionConflict withNth(long nth) {
        return new TransactionConflict(name, table, key, itemWrites, picks.withNth(nth));
    }

    /**
     * This fault picking at most {@code times} writes.
     *
     * @param times the limit, at least 1
     * @return a new fault
     */
    public TransactionConflict withTimes(long times) {
        return new TransactionConflict(name, table, key, itemWrites, picks.withTimes(times));
    }

    /**
     * This fault under another name, for reports and the ledger's notes.
     *
     * @param newName the name
     * @return a new fault
     */
    public TransactionConflict named(String newName) {
        return new TransactionConflict(newName, table, key, itemWrites, picks);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        CallPicks.Counter counter = new CallPicks.Counter(picks);
        return new DynamoDbHook() {
            @Override
            public String transactionConflict(String operation, ResourceRef ref, String partitionKey) {
                boolean matches = (table == null || table.equals(ref.name())) && (key == null || key.equals(partitionKey))
                        && (itemWrites || operation.equals(TRANSACT));
                return matches && counter.picks(context.random(ref.name())) ? name : null;
            }

            @Override
            public String toString() {
                return TransactionConflict.this.toString();
            }
        };
    }

    /** The fault of a plan file's entry of kind {@code transaction-conflict}. */
    static TransactionConflict parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "table", "key", "itemWrites", "probability",
                "nth", "times"));
        return new TransactionConflict(name, entry.path("table").asText(null), entry.path("key").asText(null),
                entry.path("itemWrites").asBoolean(false), new CallPicks(entry.path("probability").asDouble(1),
                        entry.path("nth").asLong(0), entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE));
    }

    @Override
    public String toString() {
        return name + ": " + (itemWrites ? "transactions and item writes" : "transactions") + " on "
                + (table == null ? "every table" : table) + (key == null ? "" : ", partition key " + key)
                + picks.describe() + " (TransactionConflict)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionConflict o && o.name.equals(name) && Objects.equals(o.table, table)
                && Objects.equals(o.key, key) && o.itemWrites == itemWrites && o.picks.equals(picks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, key, itemWrites, picks);
    }
}
