package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table's identity and the settings its operations change: status, billing, stream, Time to Live,
 * tags, replicas. Fields are volatile (DescribeTable reads them without the table lock); maps are
 * synchronized.
 */
public final class TableSettings {

    private final ResourceRef ref;
    private final String arn;
    private final String tableId;
    private final Instant created;
    private final KeySchema keys;
    private final Map<String, String> attributeDefinitions;
    private final Map<String, String> tags = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> replicas = Collections.synchronizedSet(new TreeSet<>());
    private final Map<String, ResourcePolicy> policies = new ConcurrentHashMap<>();
    private volatile String status = "ACTIVE";
    private volatile String billingMode;
    private volatile long readCapacity;
    private volatile long writeCapacity;
    private volatile StreamLog stream;
    private volatile String ttlAttribute;
    private volatile boolean deletionProtection;
    private volatile Instant pointInTimeRecoverySince;
    private volatile int recoveryPeriodDays = 35;

    public TableSettings(ResourceRef ref, String tableId, Instant created, KeySchema keys,
            Map<String, String> attributeDefinitions) {
        this.ref = ref;
        this.arn = ref.arn();
        this.tableId = tableId;
        this.created = created;
        this.keys = keys;
        this.attributeDefinitions = Collections.synchronizedMap(new LinkedHashMap<>(attributeDefinitions));
    }

    /** The table's identity (this replica's, for a global table), as the ledger names it. */
    public ResourceRef ref() {
        return ref;
    }

    public String name() {
        return ref.name();
    }

    public String region() {
        return ref.region();
    }

    public String arn() {
        return arn;
    }

    public String tableId() {
        return tableId;
    }

    public Instant created() {
        return created;
    }

    public KeySchema keys() {
        return keys;
    }

    /** Attribute name to type ({@code S}, {@code N}, {@code B}), in declaration order. */
    public Map<String, String> attributeDefinitions() {
        return attributeDefinitions;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The other regions that hold a replica of this global table. */
    public Set<String> replicas() {
        return replicas;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    public String billingMode() {
        return billingMode;
    }

    public void billing(String mode, long read, long write) {
        this.billingMode = mode;
        this.readCapacity = read;
        this.writeCapacity = write;
    }

    public long readCapacity() {
        return readCapacity;
    }

    public long writeCapacity() {
        return writeCapacity;
    }

    public StreamLog stream() {
        return stream;
    }

    public void stream(StreamLog stream) {
        this.stream = stream;
    }

    /** The Time to Live attribute, or null when TTL is disabled. */
    public String ttlAttribute() {
        return ttlAttribute;
    }

    public void ttlAttribute(String attribute) {
        this.ttlAttribute = attribute;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    public void deletionProtection(boolean enabled) {
        this.deletionProtection = enabled;
    }

    /** Resource-based policies by the ARN they are attached to (the table's, or one of its streams'). */
    public Map<String, ResourcePolicy> policies() {
        return policies;
    }

    /** When point-in-time recovery was last enabled, or null while it is disabled (AWS's default). */
    public Instant pointInTimeRecoverySince() {
        return pointInTimeRecoverySince;
    }

    /** The days of point-in-time recovery's window (1-35, AWS's default 35). */
    public int recoveryPeriodDays() {
        return recoveryPeriodDays;
    }

    /** Enables point-in-time recovery from {@code since} with a window of {@code days}, or disables it (null). */
    public void pointInTimeRecovery(Instant since, int days) {
        this.pointInTimeRecoverySince = since;
        this.recoveryPeriodDays = days;
    }
}
