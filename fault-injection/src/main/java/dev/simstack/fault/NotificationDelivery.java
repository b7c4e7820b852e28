package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.S3Hook;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * S3 event notifications delivered more than once, or late, as AWS allows: notifications are delivered at least
 * once, typically within seconds and sometimes a minute or longer later. A matching event reaches its destination
 * (an SQS queue, a Lambda function) {@link #copies} times, each {@link #delay} after the write on the stack's clock;
 * the messages are identical (same {@code sequencer}), so only an idempotent consumer processes it once.
 *
 * <pre>{@code
 * FaultPlan.none().with(NotificationDelivery.duplicated("uploads"));
 * FaultPlan.none().with(NotificationDelivery.late("uploads", Duration.ofMinutes(5)));
 * }</pre>
 * In a plan file: {@code kind: s3-notification} with {@code bucket}, {@code prefix}, {@code copies} (default 1),
 * {@code delay} (default 0), {@code probability}, {@code nth}, {@code times}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class NotificationDelivery implements SemanticFault {

    private final String name;
    private final String bucket;
    private final String prefix;
    private final int copies;
    private final Duration delay;
    private final CallPicks picks;

    private NotificationDelivery(String name, String bucket, String prefix, int copies, Duration delay,
            CallPicks picks) {
        this.name = Objects.requireNonNull(name, "name");
        if (copies < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("s3 notification '" + name + "': copies must be at least 1 and the"
                    + " delay not negative, got " + copies + " and " + delay);
        }
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.copies = copies;
        this.delay = delay;
        this.picks = picks;
    }

    /**
     * Delivers every event notification of {@code bucket} twice, at once.
     *
     * @param bucket the bucket's name; null for every bucket
     * @return the fault, named {@code duplicate-notification}
     */
    public static NotificationDelivery duplicated(String bucket) {
        return new NotificationDelivery("duplicate-notification", bucket, "", 2, Duration.ZERO, CallPicks.EVERY);
    }

    /**
     * Delivers every event notification of {@code bucket} once, {@code delay} after the write.
     *
     * @param bucket the bucket's name; null for every bucket
     * @param delay on the stack's clock, not negative
     * @return the fault, named {@code late-notification}
     */
    public static NotificationDelivery late(String bucket, Duration delay) {
        return new NotificationDelivery("late-notification", bucket, "", 1, delay, CallPicks.EVERY);
    }

    /**
     * This fault delivering each picked event {@code count} times.
     *
     * @param count at least 1
     * @return a new fault
     */
    public NotificationDelivery withCopies(int count) {
        return new NotificationDelivery(name, bucket, prefix, count, delay, picks);
    }

    /**
     * This fault delivering each picked event {@code lateness} after the write.
     *
     * @param lateness on the stack's clock, not negative
     * @return a new fault
     */
    public NotificationDelivery withDelay(Duration lateness) {
        return new NotificationDelivery(name, bucket, prefix, copies, lateness, picks);
    }

    /**
     * This fault only for events of keys starting with {@code keyPrefix}.
     *
     * @param keyPrefix the key prefix
     * @return a new fault
     */
    public NotificationDelivery withPrefix(String keyPrefix) {
        return new NotificationDelivery(name, bucket, keyPrefix, copies, delay, picks);
    }

    /**
     * This fault picking each matching event with a chance, drawn from the stack's seed per bucket.
     *
     * @param probability in (0, 1]
     * @return a new fault
     */
    public NotificationDelivery withProbability(double probability) {
        return new NotificationDelivery(name, bucket, prefix, copies, delay, picks.withProbability(probability));
    }

    /**
     * This fault picking only the {@code nth} matching event (1-based; per destination).
     *
     * @param nth the event's number among those that match
     * @return a new fault
     */
    public NotificationDelivery withNth(long nth) {
        return new NotificationDelivery(name, bucket, prefix, copies, delay, picks.withNth(nth));
    }

    /**
     * This fault picking at most {@code times} events.
     *
     * @param times the limit, at least 1
     * @return a new fault
     */
    public NotificationDelivery withTimes(long times) {
        return new NotificationDelivery(name, bucket, prefix, copies, delay, picks.withTimes(times));
    }

    /**
     * This fault under another name, for reports.
     *
     * @param newName the name
     * @return a new fault
     */
    public NotificationDelivery named(String newName) {
        return new NotificationDelivery(newName, bucket, prefix, copies, delay, picks);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * How many times a picked event is delivered.
     *
     * @return at least 1
     */
    public int copies() {
        return copies;
    }

    /**
     * How long after the write each delivery of a picked event comes.
     *
     * @return the delay on the stack's clock
     */
    public Duration delay() {
        return delay;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        CallPicks.Counter counter = new CallPicks.Counter(picks);
        List<Duration> deliveries = Collections.nCopies(copies, delay);
        return new S3Hook() {
            @Override
            public List<Duration> notificationDelays(ResourceRef ref, String key, String eventName,
                    String destinationArn) {
                boolean matches = (bucket == null || bucket.equals(ref.name())) && key.startsWith(prefix);
                return matches && counter.picks(context.random(ref.name())) ? deliveries : null;
            }

            @Override
            public String toString() {
                return NotificationDelivery.this.toString();
            }
        };
    }

    /** The fault of a plan file's entry of kind {@code s3-notification}. */
    static NotificationDelivery parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "bucket", "prefix", "copies", "delay",
                "probability", "nth", "times"));
        return new NotificationDelivery(name, entry.path("bucket").asText(null), entry.path("prefix").asText(""),
                entry.path("copies").asInt(1), FaultPlan.duration(name, entry.get("delay")),
                new CallPicks(entry.path("probability").asDouble(1), entry.path("nth").asLong(0),
                        entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE));
    }

    @Override
    public String toString() {
        return name + ": events of " + (bucket == null ? "every bucket" : bucket) + "/" + prefix + "* delivered "
                + (copies == 1 ? "once" : copies + " times") + (delay.isZero() ? "" : ", " + delay.toMillis()
                        + " ms late") + picks.describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationDelivery o && o.name.equals(name) && Objects.equals(o.bucket, bucket)
                && o.prefix.equals(prefix) && o.copies == copies && o.delay.equals(delay) && o.picks.equals(picks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, bucket, prefix, copies, delay, picks);
    }
}
