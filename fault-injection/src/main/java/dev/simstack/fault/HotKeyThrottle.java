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
 * A hot partition key: DynamoDB serves each partition up to a rate (1,000 write units, 3,000 read units a second)
 * and throttles requests to one partition key beyond it, in both capacity modes, with
 * {@code ProvisionedThroughputExceededException} (400, throttling reason {@code TableWriteKeyRangeThroughputExceeded},
 * or {@code TableReadKeyRangeThroughputExceeded} for reads); the SDKs retry it with back-off. This fault lowers the
 * rate: requests to one partition key beyond {@link #rate} a second (a token bucket per key holding {@link #burst}
 * requests, on the stack's clock) are throttled. Writes are PutItem, UpdateItem and DeleteItem; reads (GetItem)
 * only {@link #withReads with reads}.
 *
 * <pre>{@code
 * FaultPlan.none().with(HotKeyThrottle.on("orders", "customer-1").withRate(10));
 * }</pre>
 * In a plan file: {@code kind: hot-key-throttle} with {@code table}, {@code key}, {@code rate}, {@code burst},
 * {@code reads}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HotKeyThrottle implements SemanticFault {

    private final String name;
    private final String table;
    private final String key;
    private final double rate;
    private final double burst;
    private final boolean reads;

    private HotKeyThrottle(String name, String table, String key, double rate, double burst, boolean reads) {
        this.name = Objects.requireNonNull(name, "name");
        if (rate < 0 || burst < 0 || Double.isNaN(rate) || Double.isNaN(burst)) {
            throw new IllegalArgumentException("hot-key throttle '" + name + "': rate and burst must not be negative,"
                    + " got rate " + rate + " and burst " + burst);
        }
        this.table = table;
        this.key = key;
        this.rate = rate;
        this.burst = burst;
        this.reads = reads;
    }

    /**
     * Throttles every write to partition key {@code key} of {@code table} (each key its own bucket when null)
     * until given a {@link #withRate rate}.
     *
     * @param table the table's name, in any region; null for every table
     * @param key the partition key's value as text (a number as written, binary as Base64); null for every key
     * @return the fault, named {@code hot-key-throttle}
     */
    public static HotKeyThrottle on(String table, String key) {
        return new HotKeyThrottle("hot-key-throttle", table, key, 0, 0, false);
    }

    /**
     * This fault serving {@code perSecond} requests a second to the key, with a burst of as many (at least one).
     *
     * @param perSecond not negative; 0 throttles every request
     * @return a new fault
     */
    public HotKeyThrottle withRate(double perSecond) {
        return new HotKeyThrottle(name, table, key, perSecond, perSecond == 0 ? 0 : Math.max(1, perSecond), reads);
    }

    /**
     * This fault letting {@code requests} through at once before the rate applies.
     *
     * @param requests the bucket's size, not negative
     * @return a new fault
     */
    public HotKeyThrottle withBurst(double requests) {
        return new HotKeyThrottle(name, table, key, rate, requests, reads);
    }

    /**
     * This fault throttling GetItem too (reads share the key's bucket with writes).
     *
     * @param throttleReads true to throttle reads
     * @return a new fault
     */
    public HotKeyThrottle withReads(boolean throttleReads) {
        return new HotKeyThrottle(name, table, key, rate, burst, throttleReads);
    }

    /**
     * This fault under another name, for reports and the ledger's notes.
     *
     * @param newName the name
     * @return a new fault
     */
    public HotKeyThrottle named(String newName) {
        return new HotKeyThrottle(newName, table, key, rate, burst, reads);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The requests a second served to one partition key.
     *
     * @return the rate
     */
    public double rate() {
        return rate;
    }

    /**
     * The requests served at once before the rate applies.
     *
     * @return the burst
     */
    public double burst() {
        return burst;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        RateLimits limits = new RateLimits(context.clock(), rate, burst);
        return new DynamoDbHook() {
            @Override
            public String throttlesPartition(ResourceRef ref, String partitionKey, boolean write) {
                boolean matches = (table == null || table.equals(ref.name())) && (key == null || key.equals(partitionKey))
                        && (write || reads);
                return matches && !limits.take(ref.region() + "/" + ref.name() + "/" + partitionKey) ? name : null;
            }

            @Override
            public String toString() {
                return HotKeyThrottle.this.toString();
            }
        };
    }

    /** The fault of a plan file's entry of kind {@code hot-key-throttle}. */
    static HotKeyThrottle parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "table", "key", "rate", "burst", "reads"));
        HotKeyThrottle fault = on(entry.path("table").asText(null), entry.path("key").asText(null)).named(name)
                .withRate(entry.path("rate").asDouble(0));
        if (entry.has("burst")) {
            fault = fault.withBurst(entry.get("burst").asDouble());
        }
        return fault.withReads(entry.path("reads").asBoolean(false));
    }

    @Override
    public String toString() {
        return name + ": " + (table == null ? "every table" : table) + ", " + (key == null ? "each partition key"
                : "partition key " + key) + " over " + number(rate) + "/s (burst " + number(burst) + ")"
                + (reads ? ", reads and writes" : ", writes") + " (ProvisionedThroughputExceededException)";
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HotKeyThrottle o && o.name.equals(name) && Objects.equals(o.table, table)
                && Objects.equals(o.key, key) && o.rate == rate && o.burst == burst && o.reads == reads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, key, rate, burst, reads);
    }
}
