package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One event notification of a declared bucket: the events it wants (S3's names, e.g.
 * {@code s3:ObjectCreated:*} or {@code s3:ObjectRemoved:Delete}), where they go (a queue or a function of
 * the stack, by name, in the bucket's region) and an optional key filter. Immutable; each {@code with*}
 * returns a new value.
 *
 * <pre>{@code
 * BucketNotification.toQueue("uploads", "s3:ObjectCreated:*").withPrefix("incoming/").withSuffix(".csv");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BucketNotification {

    /** Where a notification goes. */
    public enum Destination {
        /** An SQS queue ({@code QueueConfiguration}). */
        QUEUE,
        /** A Lambda function, invoked asynchronously ({@code CloudFunctionConfiguration}). */
        FUNCTION
    }

    private final Destination destination;
    private final String target;
    private final List<String> events;
    private final String prefix;
    private final String suffix;

    private BucketNotification(Destination destination, String target, List<String> events, String prefix,
            String suffix) {
        this.destination = destination;
        this.target = target;
        this.events = List.copyOf(events);
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** Sends {@code events} to the queue named {@code queueName}. */
    public static BucketNotification toQueue(String queueName, String... events) {
        return of(Destination.QUEUE, queueName, events);
    }

    /** Invokes the function named {@code functionName} with {@code events}. */
    public static BucketNotification toFunction(String functionName, String... events) {
        return of(Destination.FUNCTION, functionName, events);
    }

    private static BucketNotification of(Destination destination, String target, String... events) {
        Objects.requireNonNull(target, "target");
        if (events.length == 0) {
            throw new IllegalArgumentException("a notification to '" + target + "' needs at least one event, e.g."
                    + " s3:ObjectCreated:*");
        }
        return new BucketNotification(destination, target, List.of(events), null, null);
    }

    /** The same notification for keys starting with {@code prefix} only. */
    public BucketNotification withPrefix(String prefix) {
        return new BucketNotification(destination, target, events, Objects.requireNonNull(prefix, "prefix"), suffix);
    }

    /** The same notification for keys ending with {@code suffix} only. */
    public BucketNotification withSuffix(String suffix) {
        return new BucketNotification(destination, target, events, prefix, Objects.requireNonNull(suffix, "suffix"));
    }

    /** A queue or a function. */
    public Destination destination() {
        return destination;
    }

    /** The queue's or the function's name. */
    public String target() {
        return target;
    }

    /** The events, as S3 names them. */
    public List<String> events() {
        return events;
    }

    /** The key prefix filter, or {@code null} for every key. */
    public String prefix() {
        return prefix;
    }

    /** The key suffix filter, or {@code null} for every key. */
    public String suffix() {
        return suffix;
    }

    @Override
    public String toString() {
        return events + " to " + destination.name().toLowerCase(java.util.Locale.ROOT) + " " + target
                + (prefix == null ? "" : ", prefix " + prefix) + (suffix == null ? "" : ", suffix " + suffix);
    }
}
