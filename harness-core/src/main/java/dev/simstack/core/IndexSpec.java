package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A secondary index of a {@link TableSpec}: its name, key and projection, global or local depending on
 * whether it is added with {@link TableSpec#withGlobalSecondaryIndex(IndexSpec)} or
 * {@link TableSpec#withLocalSecondaryIndex(IndexSpec)}. The projection is {@code ALL} unless set.
 * Immutable; each {@code with*} returns a new value. CreateTable's rules apply at start (a local index
 * shares the table's partition key and has a sort key).
 *
 * <pre>{@code
 * IndexSpec.named("byCustomer").withPartitionKey("customerId").withSortKey("placedAt", ScalarAttributeType.N);
 * IndexSpec.named("byStatus").withPartitionKey("status").withIncludedAttributes("total");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class IndexSpec {

    /** Which attributes an index copies from the table, as DynamoDB's {@code Projection} says. */
    public enum ProjectionType {
        /** Every attribute of the item. */
        ALL,
        /** The table's and the index's key attributes only. */
        KEYS_ONLY,
        /** The key attributes and the {@link IndexSpec#nonKeyAttributes() listed} ones. */
        INCLUDE
    }

    private final String name;
    private final KeyAttribute partitionKey;
    private final KeyAttribute sortKey;
    private final ProjectionType projectionType;
    private final List<String> nonKeyAttributes;

    private IndexSpec(String name, KeyAttribute partitionKey, KeyAttribute sortKey, ProjectionType projectionType,
            List<String> nonKeyAttributes) {
        this.name = name;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.projectionType = projectionType;
        this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** An index without a key yet (CreateTable refuses one without a partition key), projecting ALL. */
    public static IndexSpec named(String name) {
        return new IndexSpec(Objects.requireNonNull(name, "name"), null, null, ProjectionType.ALL, List.of());
    }

    /** The same index with a string partition key. */
    public IndexSpec withPartitionKey(String attribute) {
        return withPartitionKey(attribute, ScalarAttributeType.S);
    }

    /** The same index with a partition key of {@code type}. */
    public IndexSpec withPartitionKey(String attribute, ScalarAttributeType type) {
        return new IndexSpec(name, new KeyAttribute(attribute, type), sortKey, projectionType, nonKeyAttributes);
    }

    /** The same index with a string sort key. */
    public IndexSpec withSortKey(String attribute) {
        return withSortKey(attribute, ScalarAttributeType.S);
    }

    /** The same index with a sort key of {@code type}. */
    public IndexSpec withSortKey(String attribute, ScalarAttributeType type) {
        return new IndexSpec(name, partitionKey, new KeyAttribute(attribute, type), projectionType, nonKeyAttributes);
    }

    /** The same index projecting only the key attributes ({@code KEYS_ONLY}). */
    public IndexSpec withKeysOnlyProjection() {
        return new IndexSpec(name, partitionKey, sortKey, ProjectionType.KEYS_ONLY, List.of());
    }

    /** The same index projecting the key attributes and {@code attributes} ({@code INCLUDE}). */
    public IndexSpec withIncludedAttributes(String... attributes) {
        return new IndexSpec(name, partitionKey, sortKey, ProjectionType.INCLUDE, List.of(attributes));
    }

    /** The index's name. */
    public String name() {
        return name;
    }

    /** The partition key, or {@code null} if none was set. */
    public KeyAttribute partitionKey() {
        return partitionKey;
    }

    /** The sort key, or {@code null} for none. */
    public KeyAttribute sortKey() {
        return sortKey;
    }

    /** ALL (the default), KEYS_ONLY or INCLUDE. */
    public ProjectionType projectionType() {
        return projectionType;
    }

    /** The attributes an INCLUDE projection adds; empty otherwise. */
    public List<String> nonKeyAttributes() {
        return nonKeyAttributes;
    }

    @Override
    public String toString() {
        return "IndexSpec[" + name + ", " + partitionKey + (sortKey == null ? "" : ", " + sortKey) + ", "
                + projectionType + (nonKeyAttributes.isEmpty() ? "" : " " + nonKeyAttributes) + "]";
    }
}
