package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.assertions.internal.BusinessKey;
import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What {@link EffectsAssert} counts: the writes to one DynamoDB table or S3 bucket of a stack, or the calls to
 * one HTTP dependency outside it, as its ledger records them, grouped by a business key, optionally only some
 * keys. Immutable: each {@code by*} and
 * {@link #keys(List)} returns a new value.
 *
 * <p>An effect is an <em>applied</em> write: for a table, an applied PutItem, UpdateItem, DeleteItem,
 * BatchWriteItem or TransactWriteItems item (writes the service makes itself, replication and TTL deletes,
 * are left out; an unconditional write of the same item again counts again, as the ledger cannot tell
 * whether it changed anything); for a bucket, an applied PutObject, PostObject, CopyObject or
 * CompleteMultipartUpload (deletes are left out). A write refused by its condition (DynamoDB's
 * ConditionalCheckFailed, S3's PreconditionFailed) is counted as refused: it is how an idempotent consumer
 * shows in the ledger. For an HTTP dependency (the fixtures' {@code HttpDependency}, whose calls are the
 * ledger's {@link LedgerEntry.HttpCall} entries), an effect is a call answered with a 2xx status; a call
 * answered otherwise, or whose connection was reset, is counted as failed.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Effects {

    /** The stack, or null for effects read from a ledger alone ({@link #ledgerOnly}). */
    private final Stack stack;
    private final LedgerOnly ledgerOnly;
    private final ResourceRef resource;
    /** The HTTP dependency whose calls are counted, or null for writes to {@link #resource}. */
    private final String dependency;
    private final BusinessKey key;
    private final List<String> keys;

    private Effects(Stack stack, LedgerOnly ledgerOnly, ResourceRef resource, String dependency, BusinessKey key,
            List<String> keys) {
        if (stack == null && ledgerOnly == null) {
            throw new NullPointerException("stack");
        }
        this.stack = stack;
        this.ledgerOnly = ledgerOnly;
        this.resource = resource;
        this.dependency = dependency;
        this.key = key;
        this.keys = keys;
    }

    private Effects(Stack stack, ResourceRef resource, BusinessKey key, List<String> keys) {
        this(stack, null, resource, null, key, keys);
    }

    /**
     * The item writes to table {@code table} (in the stack's default region), by item key.
     *
     * @param stack the stack
     * @param table the table's name
     * @return the table's effects
     * @throws IllegalArgumentException if there is no such table, listing the tables there are
     */
    public static Effects itemWrites(Stack stack, String table) {
        return new Effects(stack, stack.table(table).ref(), BusinessKey.itemKey(), List.of());
    }

    /**
     * The object writes to bucket {@code bucket}, by object key.
     *
     * @param stack the stack
     * @param bucket the bucket's name
     * @return the bucket's effects
     * @throws IllegalArgumentException if there is no such bucket, listing the buckets there are
     */
    public static Effects objectWrites(Stack stack, String bucket) {
        return new Effects(stack, stack.bucket(bucket).ref(), BusinessKey.objectKey(), List.of());
    }

    /**
     * The calls to the HTTP dependency {@code dependency} (the fixtures' {@code HttpDependency} of that name),
     * keyed by the business key it read from each call.
     *
     * @param stack the stack
     * @param dependency the dependency's name, e.g. {@code payments}
     * @return the dependency's effects
     * @throws IllegalArgumentException if the ledger holds no call to a dependency of that name, listing the
     *     names it holds calls to
     */
    public static Effects httpCalls(Stack stack, String dependency) {
        return httpCalls(stack, null, stack.ledger(), dependency);
    }

    /** The writes to {@code resource} that {@code ledger} records, read without the stack. */
    static Effects writes(LedgerOnly ledger, ResourceRef resource) {
        return new Effects(null, ledger, resource, null, resource.service() == AwsService.DYNAMODB
                ? BusinessKey.itemKey() : BusinessKey.objectKey(), List.of());
    }

    /** The calls to {@code dependency} that {@code ledger} records, read without the stack. */
    static Effects httpCalls(LedgerOnly ledger, String dependency) {
        return httpCalls(null, ledger, ledger.ledger(), dependency);
    }

    private static Effects httpCalls(Stack stack, LedgerOnly ledgerOnly, Ledger ledger, String dependency) {
        Objects.requireNonNull(dependency, "dependency");
        java.util.Set<String> called = new java.util.TreeSet<>();
        ledger.entries(LedgerEntry.HttpCall.class).forEach(call -> called.add(call.dependency()));
        if (!called.contains(dependency)) {
            throw new IllegalArgumentException("the ledger holds no call to an HTTP dependency named '" + dependency
                    + "'; it holds calls to " + (called.isEmpty() ? "none" : String.join(", ", called))
                    + ". Check the name given to HttpDependency.start, and that the calls were made.");
        }
        return new Effects(stack, ledgerOnly, null, dependency, BusinessKey.callKey(), List.of());
    }

    /**
     * The same writes keyed by the item's primary key, as the ledger writes it ({@code id=o-1},
     * {@code pk=a, sk=5}): the default for a table.
     *
     * @return the effects by item key
     */
    public Effects byItemKey() {
        requireTable("byItemKey()");
        return new Effects(stack, ledgerOnly, resource, null, BusinessKey.itemKey(), keys);
    }

    /**
     * The same writes keyed by one attribute of the item. A key attribute's value is read from the write's
     * ledger entry; any other attribute's value from the item as it is now in the table (the ledger records
     * only keys), so a write whose item is gone, or lacks the attribute, is keyed
     * {@code <no orderId: id=p-1>}, one key per item.
     *
     * @param attribute the attribute's name, e.g. {@code orderId}
     * @return the effects by that attribute
     * @throws IllegalStateException for effects read from a ledger alone
     *     ({@link SimStackAssertions#assertThat(Ledger)}), which holds no items
     */
    public Effects byAttribute(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        requireTable("byAttribute(\"" + attribute + "\")");
        if (stack == null) {
            throw ledgerOnly.needsMore("byAttribute(\"" + attribute + "\")", "the items as they are now in table "
                    + resource.name() + " (the ledger records only keys)");
        }
        return new Effects(stack, resource, BusinessKey.attribute(attribute, stack.table(resource.region(),
                resource.name())), keys);
    }

    /**
     * The same writes keyed by a function of the written key: the item key text ({@code id=o-1}), the object
     * key ({@code receipts/o-1.pdf}) or an HTTP call's business key.
     *
     * @param businessKey maps a written key to its business key, e.g. {@code k -> k.split("/")[1]}
     * @return the effects by that key
     */
    public Effects by(Function<String, String> businessKey) {
        Objects.requireNonNull(businessKey, "businessKey");
        return new Effects(stack, ledgerOnly, resource, dependency, BusinessKey.function(businessKey), keys);
    }

    /**
     * The same writes keyed by a function of a message body: the body of the message the invocation running at
     * the write carried (a Lambda function triggered by a queue; the ledger records each message's body when it
     * is sent, and which messages each invocation carried). All the writes an invocation makes, and each
     * retry's, are so keyed by its message's business key, whatever item or object they write.
     *
     * <p>A write must be told to one business key, else {@link EffectsAssert#eachKeyAppliedOnce()} refuses it
     * with an {@link IllegalStateException} that names the write: a write outside any invocation that carried
     * messages (a consumer of the test's own, or a function not triggered by a queue), and a write in an
     * invocation whose batch held messages of different business keys (which of them it was for is nowhere in
     * the ledger; give the function batch size 1, or key the writes by an attribute of the item or by a function
     * of the written key). Messages of one business key in one batch are fine.
     *
     * @param businessKey maps a message body to its business key, e.g. a JSON field's value
     * @return the effects by that key
     * @throws IllegalStateException on a remote backend's ledger, which holds no invocations
     */
    public Effects byMessageBody(Function<String, String> businessKey) {
        Objects.requireNonNull(businessKey, "businessKey");
        if (ledgerOnly != null && ledgerOnly.isRemote()) {
            throw ledgerOnly.needsMore("byMessageBody(..)", "which Lambda invocation carried which message");
        }
        return new Effects(stack, ledgerOnly, resource, dependency, BusinessKey.messageBody(businessKey), keys);
    }

    /**
     * Only these business keys, each of which must then have been applied (a key never written counts as
     * applied 0 times).
     *
     * @param businessKeys the keys to check
     * @return the effects of those keys
     */
    public Effects keys(List<String> businessKeys) {
        return new Effects(stack, ledgerOnly, resource, dependency, key, List.copyOf(businessKeys));
    }

    /**
     * The stack whose ledger is read.
     *
     * @return the stack, or {@code null} for effects read from a ledger alone
     *     ({@link SimStackAssertions#assertThat(Ledger)})
     */
    public Stack stack() {
        return stack;
    }

    /** The ledger read: the stack's, or the one given alone. */
    Ledger ledger() {
        return stack != null ? stack.ledger() : ledgerOnly.ledger();
    }

    /**
     * The table or bucket written, or {@code null} for the calls to an HTTP dependency.
     *
     * @return its identity
     */
    public ResourceRef resource() {
        return resource;
    }

    /**
     * The HTTP dependency called, or {@code null} for writes to a table or bucket.
     *
     * @return its name
     */
    public String dependency() {
        return dependency;
    }

    /** Whether these are calls to an HTTP dependency (a failed call is not "refused by a condition"). */
    boolean httpCalls() {
        return dependency != null;
    }

    /**
     * The business keys to check, or empty for every key written.
     *
     * @return the keys
     */
    public List<String> keys() {
        return keys;
    }

    BusinessKey businessKey() {
        return key;
    }

    boolean counts(LedgerEntry entry) {
        return httpCalls() ? BusinessKey.counts(entry, dependency) : key.counts(entry, resource);
    }

    private void requireTable(String method) {
        if (httpCalls()) {
            throw new IllegalStateException(method + " reads DynamoDB items, but these are calls to HTTP dependency "
                    + dependency + ": key them by the business key it read (the default) or by(Function) of it.");
        }
        if (resource.service() != dev.simstack.core.AwsService.DYNAMODB) {
            throw new IllegalStateException(method + " reads DynamoDB items, but these are object writes to "
                    + resource + ": key them by object key (the default) or by(Function) of the object key.");
        }
    }

    /**
     * What is counted, e.g. {@code writes to dynamodb:us-east-1/payments by attribute orderId} or
     * {@code calls to HTTP dependency payments by business key}.
     */
    @Override
    public String toString() {
        return (httpCalls() ? "calls to HTTP dependency " + dependency : "writes to " + resource) + " by "
                + key.description();
    }
}
