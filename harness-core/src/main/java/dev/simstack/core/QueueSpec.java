package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A queue a stack creates when it starts, exactly as CreateQueue would: same name rules, same attribute
 * names and validation. Immutable; each {@code with*} returns a new value.
 *
 * <pre>{@code
 * QueueSpec.named("orders-dlq");
 * QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30").withDeadLetterQueue("orders-dlq", 3);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class QueueSpec {

    private final String name;
    private final String region;
    private final Map<String, String> attributes;
    private final Map<String, String> tags;
    private final String deadLetterQueue;
    private final int maxReceiveCount;

    private QueueSpec(String name, String region, Map<String, String> attributes, Map<String, String> tags,
            String deadLetterQueue, int maxReceiveCount) {
        this.name = name;
        this.region = region;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.tags = Collections.unmodifiableMap(tags);
        this.deadLetterQueue = deadLetterQueue;
        this.maxReceiveCount = maxReceiveCount;
    }

    /** A queue with AWS's default attributes; a name ending in {@code .fifo} makes a FIFO queue. */
    public static QueueSpec named(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (name.endsWith(".fifo")) {
            attributes.put("FifoQueue", "true");
        }
        return new QueueSpec(name, null, attributes, new LinkedHashMap<>(), null, 0);
    }

    /** The same queue with one CreateQueue attribute set, e.g. {@code ("VisibilityTimeout", "30")}. */
    public QueueSpec withAttribute(String attribute, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(attribute, "attribute"), Objects.requireNonNull(value, "value"));
        return new QueueSpec(name, region, copy, tags, deadLetterQueue, maxReceiveCount);
    }

    /** The same queue with a cost-allocation tag. */
    public QueueSpec withTag(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(tags);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new QueueSpec(name, region, attributes, copy, deadLetterQueue, maxReceiveCount);
    }

    /** The same queue in {@code region} instead of the stack's default region. */
    public QueueSpec inRegion(String region) {
        return new QueueSpec(name, Objects.requireNonNull(region, "region"), attributes, tags, deadLetterQueue,
                maxReceiveCount);
    }

    /**
     * The same queue with a RedrivePolicy to the queue named {@code deadLetterQueue} in the same region,
     * declared too (it is created first, whatever the order of declaration) or already there.
     */
    public QueueSpec withDeadLetterQueue(String deadLetterQueue, int maxReceiveCount) {
        return new QueueSpec(name, region, attributes, tags, Objects.requireNonNull(deadLetterQueue, "deadLetterQueue"),
                maxReceiveCount);
    }

    /** The queue's name. */
    public String name() {
        return name;
    }

    /** The region, or {@code null} for the stack's default region. */
    public String region() {
        return region;
    }

    /** The queue's attributes, by their SQS names. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The queue's tags. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The name of the dead-letter queue, or {@code null}. */
    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /** How many receives move a message to the dead-letter queue. */
    public int maxReceiveCount() {
        return maxReceiveCount;
    }

    @Override
    public String toString() {
        return "QueueSpec[" + name + (region == null ? "" : " in " + region) + ", " + attributes
                + (deadLetterQueue == null ? "" : ", DLQ " + deadLetterQueue + " after " + maxReceiveCount) + "]";
    }
}
