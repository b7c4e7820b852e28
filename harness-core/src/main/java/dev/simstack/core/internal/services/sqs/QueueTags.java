package dev.simstack.core.internal.services.sqs;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * SQS's tag rules (SQS Developer Guide, "Quotas related to queues"): at most 50 tags per queue, keys of 1
 * to 128 characters not starting with the reserved {@code aws:} prefix, values of at most 256. The key
 * length and tag count messages are AWS's; AWS documents the prefix and value rules but not their messages.
 */
final class QueueTags {

    private static final int MAX_TAGS = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;

    private QueueTags() {
    }

    static void checkEach(Map<String, String> tags) {
        if (!tags.isEmpty()) {
            checkKeys(tags.keySet());
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw SqsErrors.invalidParameterValue("Tag key " + tag.getKey() + " is invalid. Reason: the aws: "
                        + "prefix is reserved for AWS use.");
            }
            if (tag.getValue() == null || tag.getValue().length() > MAX_VALUE_LENGTH) {
                throw SqsErrors.invalidParameterValue("Tag values must be between 0 and 256 characters in length.");
            }
        }
    }

    /** The keys of a TagQueue or UntagQueue: at least one, each of 1 to 128 characters. */
    static void checkKeys(Collection<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(key -> key.isEmpty() || key.length() > MAX_KEY_LENGTH)) {
            throw SqsErrors.invalidParameterValue("Tag keys must be between 1 and 128 characters in length.");
        }
    }

    /** Fails if {@code added} would take the queue past 50 tags. */
    static void checkTotal(String queueName, Map<String, String> existing, Map<String, String> added) {
        checkEach(added);
        long total = existing.size() + added.keySet().stream().filter(key -> !existing.containsKey(key)).count();
        if (total > MAX_TAGS) {
            throw SqsErrors.invalidParameterValue("Too many tags added for queue " + queueName + ".");
        }
    }
}
