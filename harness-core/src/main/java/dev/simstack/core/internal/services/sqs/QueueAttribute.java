package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue attributes CreateQueue and SetQueueAttributes accept, each with AWS's valid values and
 * default (SQS API Reference, CreateQueue "Attributes"). {@link #normalize} checks a value and returns it
 * in the form GetQueueAttributes answers.
 */
enum QueueAttribute {
    DELAY_SECONDS("DelaySeconds", Kind.INTEGER, 0, 900, "0"),
    /**
     * AWS raised the maximum message size from 256 KiB to 1 MiB in August 2025 and made 1 MiB the default
     * for queues; SDK 2.40.2's documentation of MaximumMessageSize says 1,024 to 1,048,576 bytes. We follow it.
     */
    MAXIMUM_MESSAGE_SIZE("MaximumMessageSize", Kind.INTEGER, 1024, 1_048_576, "1048576"),
    MESSAGE_RETENTION_PERIOD("MessageRetentionPeriod", Kind.INTEGER, 60, 1_209_600, "345600"),
    POLICY("Policy", Kind.JSON, 0, 0, null),
    RECEIVE_MESSAGE_WAIT_TIME_SECONDS("ReceiveMessageWaitTimeSeconds", Kind.INTEGER, 0, 20, "0"),
    REDRIVE_POLICY("RedrivePolicy", Kind.REDRIVE, 0, 0, null),
    REDRIVE_ALLOW_POLICY("RedriveAllowPolicy", Kind.REDRIVE_ALLOW, 0, 0, null),
    VISIBILITY_TIMEOUT("VisibilityTimeout", Kind.INTEGER, 0, 43_200, "30"),
    KMS_MASTER_KEY_ID("KmsMasterKeyId", Kind.TEXT, 0, 0, null),
    KMS_DATA_KEY_REUSE_PERIOD_SECONDS("KmsDataKeyReusePeriodSeconds", Kind.INTEGER, 60, 86_400, null),
    SQS_MANAGED_SSE_ENABLED("SqsManagedSseEnabled", Kind.BOOLEAN, 0, 0, "true"),
    FIFO_QUEUE("FifoQueue", Kind.BOOLEAN, 0, 0, "true"),
    CONTENT_BASED_DEDUPLICATION("ContentBasedDeduplication", Kind.BOOLEAN, 0, 0, "false"),
    DEDUPLICATION_SCOPE("DeduplicationScope", Kind.CHOICE, 0, 0, "queue", "messageGroup", "queue"),
    FIFO_THROUGHPUT_LIMIT("FifoThroughputLimit", Kind.CHOICE, 0, 0, "perQueue", "perQueue", "perMessageGroupId");

    /** Attributes only the engine sets, which CreateQueue and SetQueueAttributes reject. */
    static final List<String> READ_ONLY = List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn");

    private static final Map<String, QueueAttribute> BY_NAME = new HashMap<>();
    private static final JsonTrees JSON = new JsonTrees();

    static {
        for (QueueAttribute attribute : values()) {
            BY_NAME.put(attribute.awsName, attribute);
        }
    }

    private enum Kind { INTEGER, BOOLEAN, CHOICE, TEXT, JSON, REDRIVE, REDRIVE_ALLOW }

    private final String awsName;
    private final Kind kind;
    private final int min;
    private final int max;
    private final String defaultValue;
    private final List<String> choices;

    QueueAttribute(String awsName, Kind kind, int min, int max, String defaultValue, String... choices) {
        this.awsName = awsName;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.choices = List.of(choices);
    }

    /** The attribute called {@code name}, or null. */
    static QueueAttribute named(String name) {
        return BY_NAME.get(name);
    }

    String awsName() {
        return awsName;
    }

    /** The value a new queue has, or null if it has none until set. */
    String defaultValue() {
        return defaultValue;
    }

    /** True for the attributes only FIFO queues have. */
    boolean fifoOnly() {
        return ordinal() >= FIFO_QUEUE.ordinal();
    }

    /** True if an empty value removes the attribute (policies and KMS key). */
    boolean clearable() {
        return defaultValue == null;
    }

    /** {@code value} as GetQueueAttributes answers it; fails with AWS's error when it is not valid. */
    String normalize(String value) {
        switch (kind) {
            case INTEGER:
                return integer(value);
            case BOOLEAN:
                return bool(value);
            case CHOICE:
                if (!choices.contains(value)) {
                    throw SqsErrors.invalidAttributeValue(awsName);
                }
                return value;
            case JSON:
                return json(value);
            case REDRIVE:
                return RedrivePolicy.parse(value).toJson();
            case REDRIVE_ALLOW:
                return RedriveAllowPolicy.parse(value).toJson();
            default:
                return value;
        }
    }

    private String integer(String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return Long.toString(parsed);
            }
        } catch (NumberFormatException e) {
            // falls through to AWS's error
        }
        throw SqsErrors.invalidAttributeValue(awsName);
    }

    private String bool(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw SqsErrors.invalidAttributeValue(awsName);
        }
        return lower;
    }

    private String json(String value) {
        try {
            if (JSON.read(value).isObject()) {
                return value;
            }
        } catch (IOException | RuntimeException e) {
            // falls through to AWS's error
        }
        throw SqsErrors.invalidAttributeValue(awsName);
    }
}
