package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.dynamodb.TableView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A live view of one DynamoDB table of a running stack, taken with {@link Stack#table(String)}. Each read
 * looks the table up by its region and name and reads its items at that moment under the table's read
 * lock, in-process and without consuming capacity or appearing in the ledger.
 *
 * <p>Items come as plain Java values, by attribute name in name order: S is a {@code String}, N a
 * {@code BigDecimal} as DynamoDB answers it ({@code 1.50} reads {@code 1.5}, {@code 100} reads {@code 100}),
 * B a {@code byte[]} (a copy), BOOL a {@code Boolean}, NULL {@code null}, L a {@code List}, M a
 * {@code Map<String, Object>}, SS a {@code Set<String>}, NS a {@code Set<BigDecimal>} and BS a
 * {@code Set<byte[]>} (arrays compare by identity in a set: compare contents, as AssertJ does). Every
 * collection is unmodifiable.
 *
 * <p>If the table is deleted (or a reset empties the stack and does not declare it again) after the handle
 * was taken, reads throw an {@link IllegalStateException} saying so; once a table of that name exists there
 * again, they read that table. {@link #ref()} and {@link #arn()} never throw.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class TableHandle {

    private final Engine engine;
    private final ResourceRef ref;

    TableHandle(Engine engine, ResourceRef ref) {
        this.engine = engine;
        this.ref = ref;
    }

    /** The table's identity: region, account and name. */
    public ResourceRef ref() {
        return ref;
    }

    /** The table's ARN, e.g. {@code arn:aws:dynamodb:us-east-1:000000000000:table/orders}. */
    public String arn() {
        return ref.arn();
    }

    /**
     * The exact number of items now (DescribeTable's {@code ItemCount} is the figure AWS refreshes about
     * every six hours; this is not).
     *
     * @throws IllegalStateException if the table was deleted after this handle was taken
     */
    public long itemCount() {
        return view().itemCount();
    }

    /**
     * Every item, as one consistent snapshot, in the order a Scan returns them.
     *
     * @throws IllegalStateException if the table was deleted after this handle was taken
     */
    public List<Map<String, Object>> items() {
        return view().items();
    }

    /**
     * The item with this key, given as plain values, e.g. {@code Map.of("pk", "a", "sk", 5)} (any
     * {@code Number} for N, {@code byte[]} for B).
     *
     * @throws IllegalArgumentException if {@code key} is not exactly the table's key attributes with their
     *     types; the message names them
     * @throws IllegalStateException if the table was deleted after this handle was taken
     */
    public Optional<Map<String, Object>> item(Map<String, Object> key) {
        return view().item(Objects.requireNonNull(key, "key"));
    }

    private TableView view() {
        TableView view = engine.dynamodb().view(ref.region(), ref.name());
        if (view == null) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.TABLE, ref.region(), ref.name());
        }
        return view;
    }

    @Override
    public String toString() {
        return "TableHandle[" + ref + "]";
    }
}
