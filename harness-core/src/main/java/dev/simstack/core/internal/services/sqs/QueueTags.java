package dev.simstack.core.internal.services.sqs;

import java.util.Map;

/**
 * SQS's tag rules (SQS Developer Guide, "Quotas related to queues"): at most 50 tags per queue, keys of 1
 * to 128 characters not starting with the reserved {@code aws:} prefix, values of at most 256.
 */
final class QueueTags {

    private static final int MAX_TAGS = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;

    private QueueTags() {
    }

    static void checkEach(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.toLowerCase().startsWith("aws:")) {
                throw SqsErrors.invalidParameterValue("Tag key '" + key + "' is invalid: a key has 1 to 128 "
                        + "characters and may not start with aws:.");
            }
            if (tag.getValue() == null || tag.getValue().length() > MAX_VALUE_LENGTH) {
                throw SqsErrors.invalidParameterValue("Tag value for key '" + key
                        + "' is invalid: a value has at most 256 characters.");
            }
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
