package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.AwsService;
import dev.simstack.core.Stack;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Idempotency: for a business key, the effect happened exactly once despite duplicate deliveries and
 * retries. Choose the effects to count, then the key:
 * <pre>{@code
 * assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId").eachKeyAppliedOnce();
 * assertThat(stack).idempotency().ofObjectWrites("receipts").eachKeyAppliedOnce();
 * assertThat(stack).idempotency().ofHttpCalls("payments").eachKeyAppliedOnce();
 * }</pre>
 *
 * <p>Counted from the ledger's {@link dev.simstack.core.LedgerEntry.ItemWrite} and
 * {@link dev.simstack.core.LedgerEntry.ObjectWrite} entries (applied, or refused by a condition), and from its
 * {@link dev.simstack.core.LedgerEntry.HttpCall} entries (calls to an HTTP dependency outside the stack, such
 * as the fixtures' {@code HttpDependency}: answered 2xx, or failed). The ledger records neither message bodies
 * nor which delivery caused a write, so a key cannot be read from the body of the message behind a write; a
 * failure shows instead the deliveries and invocations around each write, by sequence number.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class IdempotencyAssert extends AbstractAssert<IdempotencyAssert, Stack> {

    /**
     * Idempotency assertions on {@code actual}.
     *
     * @param actual the stack
     */
    public IdempotencyAssert(Stack actual) {
        super(actual, IdempotencyAssert.class);
    }

    private Origin origin;
    /** The ledger read alone, or null when read through {@link #actual}, the stack. */
    private LedgerOnly ledgerOnly;

    /** Idempotency assertions on what {@code ledger} records, read without a stack. */
    static IdempotencyAssert of(LedgerOnly ledger) {
        IdempotencyAssert made = new IdempotencyAssert(null);
        made.ledgerOnly = ledger;
        return made;
    }

    static IdempotencyAssert of(Origin origin) {
        IdempotencyAssert made = origin.make(IdempotencyAssert.class, Stack.class, origin.stack(),
                IdempotencyAssert::new);
        made.bind(origin);
        return made;
    }

    void bind(Origin from) {
        this.origin = from;
    }

    private EffectsAssert effects(Effects effects) {
        return origin == null ? new EffectsAssert(effects) : EffectsAssert.of(origin, effects);
    }

    /**
     * The item writes to a DynamoDB table (in the stack's default region), keyed by item key until told
     * otherwise.
     *
     * @param table the table's name
     * @return the assertion on its writes
     * @throws IllegalArgumentException if there is no such table, listing the tables there are
     */
    public EffectsAssert ofItemWrites(String table) {
        if (ledgerOnly != null) {
            return effects(Effects.writes(ledgerOnly, ledgerOnly.resource(AwsService.DYNAMODB, null, table)));
        }
        isNotNull();
        return effects(Effects.itemWrites(actual, table));
    }

    /**
     * The object writes to an S3 bucket, keyed by object key until told otherwise.
     *
     * @param bucket the bucket's name
     * @return the assertion on its writes
     * @throws IllegalArgumentException if there is no such bucket, listing the buckets there are
     */
    public EffectsAssert ofObjectWrites(String bucket) {
        if (ledgerOnly != null) {
            return effects(Effects.writes(ledgerOnly, ledgerOnly.resource(AwsService.S3, null, bucket)));
        }
        isNotNull();
        return effects(Effects.objectWrites(actual, bucket));
    }

    /**
     * The calls to an HTTP dependency outside the stack (the fixtures' {@code HttpDependency} of that name),
     * keyed by the business key it read from each call; an effect is a call answered 2xx.
     *
     * @param dependency the dependency's name, e.g. {@code payments}
     * @return the assertion on its calls
     * @throws IllegalArgumentException if the ledger holds no call to a dependency of that name, listing the
     *     names it holds calls to
     */
    public EffectsAssert ofHttpCalls(String dependency) {
        if (ledgerOnly != null) {
            return effects(Effects.httpCalls(ledgerOnly, dependency));
        }
        isNotNull();
        return effects(Effects.httpCalls(actual, dependency));
    }
}
