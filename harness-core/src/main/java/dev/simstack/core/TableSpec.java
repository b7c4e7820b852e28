package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A DynamoDB table a stack creates when it starts, and again after every reset, exactly as CreateTable
 * would: the same rules and the same error messages (a bad declaration fails the start with DynamoDB's
 * message, prefixed with the table's name). On demand ({@code PAY_PER_REQUEST}) unless given a
 * provisioned throughput. Immutable; each {@code with*} returns a new value.
 *
 * <pre>{@code
 * TableSpec.named("orders").withPartitionKey("id")
 *     .withGlobalSecondaryIndex(IndexSpec.named("byCustomer").withPartitionKey("customerId"))
 *     .withStream(StreamViewType.NEW_AND_OLD_IMAGES)
 *     .withTimeToLive("expiresAt")
 *     .withReplicas("eu-west-1");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class TableSpec {

    private final String name;
    private final String region;
    private final KeyAttribute partitionKey;
    private final KeyAttribute sortKey;
    private final List<IndexSpec> globalIndexes;
    private final List<IndexSpec> localIndexes;
    private final StreamViewType stream;
    private final String timeToLiveAttribute;
    private final List<String> replicas;
    private final int[] throughput;

    private TableSpec(String name, String region, KeyAttribute partitionKey, KeyAttribute sortKey,
            List<IndexSpec> globalIndexes, List<IndexSpec> localIndexes, StreamViewType stream,
            String timeToLiveAttribute, List<String> replicas, int[] throughput) {
        this.name = name;
        this.region = region;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.globalIndexes = List.copyOf(globalIndexes);
        this.localIndexes = List.copyOf(localIndexes);
        this.stream = stream;
        this.timeToLiveAttribute = timeToLiveAttribute;
        this.replicas = List.copyOf(replicas);
        this.throughput = throughput;
    }

    /** A table without a key yet (CreateTable refuses one without a partition key), on demand, no stream. */
    public static TableSpec named(String name) {
        return new TableSpec(Objects.requireNonNull(name, "name"), null, null, null, List.of(), List.of(), null, null,
                List.of(), null);
    }

    /** The same table with a string partition key. */
    public TableSpec withPartitionKey(String attribute) {
        return withPartitionKey(attribute, ScalarAttributeType.S);
    }

    /** The same table with a partition key of {@code type}. */
    public TableSpec withPartitionKey(String attribute, ScalarAttributeType type) {
        return new TableSpec(name, region, new KeyAttribute(attribute, type), sortKey, globalIndexes, localIndexes,
                stream, timeToLiveAttribute, replicas, throughput);
    }

    /** The same table with a string sort key. */
    public TableSpec withSortKey(String attribute) {
        return withSortKey(attribute, ScalarAttributeType.S);
    }

    /** The same table with a sort key of {@code type}. */
    public TableSpec withSortKey(String attribute, ScalarAttributeType type) {
        return new TableSpec(name, region, partitionKey, new KeyAttribute(attribute, type), globalIndexes,
                localIndexes, stream, timeToLiveAttribute, replicas, throughput);
    }

    /** The same table with one more global secondary index. */
    public TableSpec withGlobalSecondaryIndex(IndexSpec index) {
        List<IndexSpec> copy = new ArrayList<>(globalIndexes);
        copy.add(Objects.requireNonNull(index, "index"));
        return new TableSpec(name, region, partitionKey, sortKey, copy, localIndexes, stream, timeToLiveAttribute,
                replicas, throughput);
    }

    /** The same table with a global secondary index on a string partition key, projecting ALL. */
    public TableSpec withGlobalSecondaryIndex(String indexName, String partitionKey) {
        return withGlobalSecondaryIndex(IndexSpec.named(indexName).withPartitionKey(partitionKey));
    }

    /** The same table with one more local secondary index (same partition key, another sort key). */
    public TableSpec withLocalSecondaryIndex(IndexSpec index) {
        List<IndexSpec> copy = new ArrayList<>(localIndexes);
        copy.add(Objects.requireNonNull(index, "index"));
        return new TableSpec(name, region, partitionKey, sortKey, globalIndexes, copy, stream, timeToLiveAttribute,
                replicas, throughput);
    }

    /** The same table with a stream of {@code viewType} records. */
    public TableSpec withStream(StreamViewType viewType) {
        return new TableSpec(name, region, partitionKey, sortKey, globalIndexes, localIndexes,
                Objects.requireNonNull(viewType, "viewType"), timeToLiveAttribute, replicas, throughput);
    }

    /** The same table with Time to Live on {@code attribute} (epoch seconds), as UpdateTimeToLive enables it. */
    public TableSpec withTimeToLive(String attribute) {
        return new TableSpec(name, region, partitionKey, sortKey, globalIndexes, localIndexes, stream,
                Objects.requireNonNull(attribute, "attribute"), replicas, throughput);
    }

    /**
     * The same table as a global table (version 2019.11.21) with a replica in each of {@code regions}, which
     * must be regions of the stack; as AWS does, the table gets a NEW_AND_OLD_IMAGES stream if it has none.
     */
    public TableSpec withReplicas(String... regions) {
        List<String> copy = new ArrayList<>(replicas);
        for (String replica : regions) {
            copy.add(Objects.requireNonNull(replica, "region"));
        }
        return new TableSpec(name, region, partitionKey, sortKey, globalIndexes, localIndexes, stream,
                timeToLiveAttribute, copy, throughput);
    }

    /** The same table in PROVISIONED billing mode with these capacity units (also for its global indexes). */
    public TableSpec withProvisionedThroughput(int readCapacityUnits, int writeCapacityUnits) {
        return new TableSpec(name, region, partitionKey, sortKey, globalIndexes, localIndexes, stream,
                timeToLiveAttribute, replicas, new int[] {readCapacityUnits, writeCapacityUnits});
    }

    /** The same table in {@code region} instead of the stack's default region. */
    public TableSpec inRegion(String region) {
        return new TableSpec(name, Objects.requireNonNull(region, "region"), partitionKey, sortKey, globalIndexes,
                localIndexes, stream, timeToLiveAttribute, replicas, throughput);
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /** The region, or {@code null} for the stack's default region. */
    public String region() {
        return region;
    }

    /** The partition key, or {@code null} if none was set. */
    public KeyAttribute partitionKey() {
        return partitionKey;
    }

    /** The sort key, or {@code null} for none. */
    public KeyAttribute sortKey() {
        return sortKey;
    }

    /** The global secondary indexes, in declaration order. */
    public List<IndexSpec> globalSecondaryIndexes() {
        return globalIndexes;
    }

    /** The local secondary indexes, in declaration order. */
    public List<IndexSpec> localSecondaryIndexes() {
        return localIndexes;
    }

    /** The stream's view type, or {@code null} for no stream. */
    public StreamViewType stream() {
        return stream;
    }

    /** The Time to Live attribute, or {@code null} for none. */
    public String timeToLiveAttribute() {
        return timeToLiveAttribute;
    }

    /** The regions of the table's replicas; empty for a table that is not global. */
    public List<String> replicas() {
        return replicas;
    }

    /** True when the table bills on demand (PAY_PER_REQUEST), the default. */
    public boolean onDemand() {
        return throughput == null;
    }

    /** The provisioned read capacity units, or 0 on demand. */
    public int readCapacityUnits() {
        return throughput == null ? 0 : throughput[0];
    }

    /** The provisioned write capacity units, or 0 on demand. */
    public int writeCapacityUnits() {
        return throughput == null ? 0 : throughput[1];
    }

    @Override
    public String toString() {
        return "TableSpec[" + name + (region == null ? "" : " in " + region) + ", " + partitionKey
                + (sortKey == null ? "" : ", " + sortKey) + (replicas.isEmpty() ? "" : ", replicas " + replicas) + "]";
    }
}
