package dev.simstack.core.internal.services.sqs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settable attributes of one queue, validated and normalised, with AWS's defaults filled in. An
 * immutable value: SetQueueAttributes swaps in a new one.
 */
final class QueueAttributes {

    private final boolean fifo;
    private final EnumMap<QueueAttribute, String> values;
    private final int visibilityTimeout;
    private final int maximumMessageSize;
    private final int messageRetentionPeriod;
    private final int delaySeconds;
    private final int receiveMessageWaitTimeSeconds;
    private final RedrivePolicy redrivePolicy;
    private final RedriveAllowPolicy redriveAllowPolicy;

    private QueueAttributes(boolean fifo, EnumMap<QueueAttribute, String> values) {
        this.fifo = fifo;
        this.values = values;
        this.visibilityTimeout = number(QueueAttribute.VISIBILITY_TIMEOUT);
        this.maximumMessageSize = number(QueueAttribute.MAXIMUM_MESSAGE_SIZE);
        this.messageRetentionPeriod = number(QueueAttribute.MESSAGE_RETENTION_PERIOD);
        this.delaySeconds = number(QueueAttribute.DELAY_SECONDS);
        this.receiveMessageWaitTimeSeconds = number(QueueAttribute.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        String redrive = values.get(QueueAttribute.REDRIVE_POLICY);
        this.redrivePolicy = redrive == null ? null : RedrivePolicy.parse(redrive);
        String allow = values.get(QueueAttribute.REDRIVE_ALLOW_POLICY);
        this.redriveAllowPolicy = allow == null ? RedriveAllowPolicy.ALLOW_ALL : RedriveAllowPolicy.parse(allow);
    }

    /** A new queue's attributes before CreateQueue's own are applied. */
    static QueueAttributes defaults(boolean fifo) {
        EnumMap<QueueAttribute, String> values = new EnumMap<>(QueueAttribute.class);
        for (QueueAttribute attribute : QueueAttribute.values()) {
            if (attribute.defaultValue() != null && (fifo || !attribute.fifoOnly())) {
                values.put(attribute, attribute.defaultValue());
            }
        }
        return new QueueAttributes(fifo, values);
    }

    /**
     * These attributes with {@code changes} applied, each name and value checked as AWS does.
     * {@code creating} allows FifoQueue, which only CreateQueue may set.
     */
    QueueAttributes with(Map<String, String> changes, boolean creating) {
        EnumMap<QueueAttribute, String> next = new EnumMap<>(values);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            QueueAttribute attribute = settable(change.getKey(), creating);
            String value = change.getValue() == null ? "" : change.getValue();
            if (value.isEmpty() && attribute.clearable()) {
                next.remove(attribute);
            } else {
                next.put(attribute, attribute.normalize(value));
            }
        }
        encryption(changes, next);
        if ("perMessageGroupId".equals(next.get(QueueAttribute.FIFO_THROUGHPUT_LIMIT))
                && !"messageGroup".equals(next.get(QueueAttribute.DEDUPLICATION_SCOPE))) {
            // AWS: "The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup."
            throw SqsErrors.invalidAttributeValue(QueueAttribute.FIFO_THROUGHPUT_LIMIT.awsName());
        }
        return new QueueAttributes(fifo, next);
    }

    private QueueAttribute settable(String name, boolean creating) {
        QueueAttribute attribute = QueueAttribute.named(name);
        if (attribute == null || attribute.fifoOnly() && !fifo
                || attribute == QueueAttribute.FIFO_QUEUE && !creating) {
            throw SqsErrors.invalidAttributeName(name);
        }
        return attribute;
    }

    /** "Only one server-side encryption option is supported per queue": SSE-KMS turns SSE-SQS off. */
    private static void encryption(Map<String, String> changes, EnumMap<QueueAttribute, String> next) {
        boolean kms = next.containsKey(QueueAttribute.KMS_MASTER_KEY_ID);
        boolean sseRequested = "true".equalsIgnoreCase(changes.get(QueueAttribute.SQS_MANAGED_SSE_ENABLED.awsName()));
        if (kms && sseRequested && changes.containsKey(QueueAttribute.KMS_MASTER_KEY_ID.awsName())) {
            throw SqsErrors.invalidAttributeValue(QueueAttribute.SQS_MANAGED_SSE_ENABLED.awsName());
        }
        if (kms && sseRequested) {
            next.remove(QueueAttribute.KMS_MASTER_KEY_ID);
            next.remove(QueueAttribute.KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
        } else if (kms) {
            next.put(QueueAttribute.SQS_MANAGED_SSE_ENABLED, "false");
            next.putIfAbsent(QueueAttribute.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "300");
        }
    }

    /** The normalised value of {@code attribute}, or null if the queue has none. */
    String value(QueueAttribute attribute) {
        return values.get(attribute);
    }

    /**
     * The value CreateQueue compares a requested one with: the queue's value, or the attribute's default
     * (FifoQueue of a standard queue reads {@code false}).
     */
    String comparable(QueueAttribute attribute) {
        String value = values.get(attribute);
        if (value != null) {
            return value;
        }
        if (attribute == QueueAttribute.FIFO_QUEUE) {
            return "false";
        }
        return attribute.clearable() ? "" : attribute.defaultValue();
    }

    /** Every attribute that has a value, by AWS name, in the model's order. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((attribute, value) -> map.put(attribute.awsName(), value));
        return Collections.unmodifiableMap(map);
    }

    boolean fifo() {
        return fifo;
    }

    int visibilityTimeout() {
        return visibilityTimeout;
    }

    int maximumMessageSize() {
        return maximumMessageSize;
    }

    int messageRetentionPeriod() {
        return messageRetentionPeriod;
    }

    int delaySeconds() {
        return delaySeconds;
    }

    int receiveMessageWaitTimeSeconds() {
        return receiveMessageWaitTimeSeconds;
    }

    /** The redrive policy, or null. */
    RedrivePolicy redrivePolicy() {
        return redrivePolicy;
    }

    RedriveAllowPolicy redriveAllowPolicy() {
        return redriveAllowPolicy;
    }

    boolean contentBasedDeduplication() {
        return "true".equals(values.get(QueueAttribute.CONTENT_BASED_DEDUPLICATION));
    }

    /** True when DeduplicationScope is messageGroup: duplicates are detected within a group only. */
    boolean deduplicatesPerGroup() {
        return "messageGroup".equals(values.get(QueueAttribute.DEDUPLICATION_SCOPE));
    }

    private int number(QueueAttribute attribute) {
        String value = values.get(attribute);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
