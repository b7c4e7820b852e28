package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An S3 bucket a stack creates when it starts, and again after every reset, as CreateBucket would (same
 * name rules), with its versioning and event notifications. The queues and functions its notifications
 * go to must be declared too (or exist) in the bucket's region. Immutable; each {@code with*} returns a
 * new value.
 *
 * <pre>{@code
 * BucketSpec.named("receipts").withVersioning()
 *     .notifyQueue("uploads", "s3:ObjectCreated:*")
 *     .notifyFunction("thumbnailer", "s3:ObjectCreated:*");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BucketSpec {

    private final String name;
    private final String region;
    private final boolean versioning;
    private final List<BucketNotification> notifications;

    private BucketSpec(String name, String region, boolean versioning, List<BucketNotification> notifications) {
        this.name = name;
        this.region = region;
        this.versioning = versioning;
        this.notifications = List.copyOf(notifications);
    }

    /** An unversioned bucket without notifications. */
    public static BucketSpec named(String name) {
        return new BucketSpec(Objects.requireNonNull(name, "name"), null, false, List.of());
    }

    /** The same bucket with versioning enabled. */
    public BucketSpec withVersioning() {
        return new BucketSpec(name, region, true, notifications);
    }

    /** The same bucket with one more notification. */
    public BucketSpec withNotification(BucketNotification notification) {
        List<BucketNotification> copy = new ArrayList<>(notifications);
        copy.add(Objects.requireNonNull(notification, "notification"));
        return new BucketSpec(name, region, versioning, copy);
    }

    /** The same bucket sending {@code events} (e.g. {@code s3:ObjectCreated:*}) to queue {@code queueName}. */
    public BucketSpec notifyQueue(String queueName, String... events) {
        return withNotification(BucketNotification.toQueue(queueName, events));
    }

    /** The same bucket invoking function {@code functionName} with {@code events}. */
    public BucketSpec notifyFunction(String functionName, String... events) {
        return withNotification(BucketNotification.toFunction(functionName, events));
    }

    /** The same bucket in {@code region} instead of the stack's default region. */
    public BucketSpec inRegion(String region) {
        return new BucketSpec(name, Objects.requireNonNull(region, "region"), versioning, notifications);
    }

    /** The bucket's name. */
    public String name() {
        return name;
    }

    /** The region, or {@code null} for the stack's default region. */
    public String region() {
        return region;
    }

    /** Whether versioning is enabled. */
    public boolean versioning() {
        return versioning;
    }

    /** The notifications, in declaration order. */
    public List<BucketNotification> notifications() {
        return notifications;
    }

    @Override
    public String toString() {
        return "BucketSpec[" + name + (region == null ? "" : " in " + region) + (versioning ? ", versioned" : "")
                + (notifications.isEmpty() ? "" : ", " + notifications) + "]";
    }
}
