package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.S3Hook;
import dev.simstack.core.SemanticHook;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * S3 asking clients to slow down: S3 serves 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests a second per key
 * prefix, and while it scales a prefix up it answers requests beyond that with {@code SlowDown} (503, "Please reduce
 * your request rate."); the SDKs retry it with back-off. This fault lowers those rates for the keys of a bucket that
 * start with {@link #prefix}: writes beyond {@link #writeRate} a second and reads beyond {@link #readRate} (a token
 * bucket each, holding a second's worth, on the stack's clock) answer {@code SlowDown}, and the request does not run.
 *
 * <pre>{@code
 * FaultPlan.none().with(SlowDown.on("uploads", "images/").withRates(5, 10));
 * }</pre>
 * In a plan file: {@code kind: s3-slow-down} with {@code bucket}, {@code prefix}, {@code writeRate},
 * {@code readRate} (absent: AWS's).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SlowDown implements SemanticFault {

    /** S3's own PUT/COPY/POST/DELETE requests a second per prefix. */
    public static final double AWS_WRITE_RATE = 3500;

    /** S3's own GET/HEAD requests a second per prefix. */
    public static final double AWS_READ_RATE = 5500;

    private final String name;
    private final String bucket;
    private final String prefix;
    private final double writeRate;
    private final double readRate;

    private SlowDown(String name, String bucket, String prefix, double writeRate, double readRate) {
        this.name = Objects.requireNonNull(name, "name");
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        if (!(writeRate >= 0) || !(readRate >= 0)) {
            throw new IllegalArgumentException("s3 slow-down '" + name + "': rates must not be negative, got "
                    + writeRate + " writes and " + readRate + " reads a second");
        }
        this.writeRate = writeRate;
        this.readRate = readRate;
    }

    /**
     * Slows down the keys of {@code bucket} starting with {@code prefix}, at AWS's rates until given lower ones.
     *
     * @param bucket the bucket's name; null for every bucket
     * @param prefix the key prefix; null or empty for every key
     * @return the fault, named {@code s3-slow-down}
     */
    public static SlowDown on(String bucket, String prefix) {
        return new SlowDown("s3-slow-down", bucket, prefix, AWS_WRITE_RATE, AWS_READ_RATE);
    }

    /**
     * This fault serving {@code writesPerSecond} writes and {@code readsPerSecond} reads a second to the prefix.
     *
     * @param writesPerSecond PUT, COPY, POST and DELETE; 0 refuses every one
     * @param readsPerSecond GET and HEAD; 0 refuses every one
     * @return a new fault
     */
    public SlowDown withRates(double writesPerSecond, double readsPerSecond) {
        return new SlowDown(name, bucket, prefix, writesPerSecond, readsPerSecond);
    }

    /**
     * This fault under another name, for reports and the ledger's notes.
     *
     * @param newName the name
     * @return a new fault
     */
    public SlowDown named(String newName) {
        return new SlowDown(newName, bucket, prefix, writeRate, readRate);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The key prefix the fault slows down.
     *
     * @return the prefix, empty for every key
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The writes a second served to the prefix.
     *
     * @return PUT, COPY, POST and DELETE a second
     */
    public double writeRate() {
        return writeRate;
    }

    /**
     * The reads a second served to the prefix.
     *
     * @return GET and HEAD a second
     */
    public double readRate() {
        return readRate;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        RateLimits writes = new RateLimits(context.clock(), writeRate, writeRate == 0 ? 0 : Math.max(1, writeRate));
        RateLimits reads = new RateLimits(context.clock(), readRate, readRate == 0 ? 0 : Math.max(1, readRate));
        return new S3Hook() {
            @Override
            public String slowsDown(ResourceRef ref, String key, boolean read) {
                if ((bucket != null && !bucket.equals(ref.name())) || !key.startsWith(prefix)) {
                    return null;
                }
                return (read ? reads : writes).take(ref.name()) ? null : name;
            }

            @Override
            public String toString() {
                return SlowDown.this.toString();
            }
        };
    }

    /** The fault of a plan file's entry of kind {@code s3-slow-down}. */
    static SlowDown parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "bucket", "prefix", "writeRate",
                "readRate"));
        return on(entry.path("bucket").asText(null), entry.path("prefix").asText("")).named(name).withRates(
                entry.path("writeRate").asDouble(AWS_WRITE_RATE), entry.path("readRate").asDouble(AWS_READ_RATE));
    }

    @Override
    public String toString() {
        return name + ": " + (bucket == null ? "every bucket" : bucket) + "/" + prefix + "* over "
                + HotKeyThrottle.number(writeRate) + " writes/s, " + HotKeyThrottle.number(readRate)
                + " reads/s (SlowDown)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlowDown o && o.name.equals(name) && Objects.equals(o.bucket, bucket)
                && o.prefix.equals(prefix) && o.writeRate == writeRate && o.readRate == readRate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, bucket, prefix, writeRate, readRate);
    }
}
