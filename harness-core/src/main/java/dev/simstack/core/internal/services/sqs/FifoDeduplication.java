package dev.simstack.core.internal.services.sqs;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A FIFO queue's deduplication window: a message whose deduplication id was sent in the last 5 minutes
 * is accepted but not enqueued, and the send answers the original message id (SQS Developer Guide,
 * "Exactly-once processing"). With DeduplicationScope {@code messageGroup} the id is scoped to its group.
 */
final class FifoDeduplication {

    /** SQS's deduplication interval. */
    static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    /** The send a later duplicate is answered with. */
    record Original(String key, String messageId, String sequenceNumber, long sentAt) {
    }

    private final Map<String, Original> byKey = new HashMap<>();
    private final ArrayDeque<Original> byAge = new ArrayDeque<>();

    static String key(String groupId, String deduplicationId, boolean perGroup) {
        return perGroup ? groupId + '\u0000' + deduplicationId : deduplicationId;
    }

    /** The original send of {@code key} inside the window, or null. */
    Original find(String key, long now) {
        forgetBefore(now - WINDOW_MILLIS);
        return byKey.get(key);
    }

    void remember(String key, String messageId, String sequenceNumber, long now) {
        Original original = new Original(key, messageId, sequenceNumber, now);
        byKey.put(key, original);
        byAge.addLast(original);
    }

    /** The sends still remembered, oldest first (for snapshots). */
    java.util.List<Original> originals() {
        return java.util.List.copyOf(byAge);
    }

    private void forgetBefore(long cutoff) {
        while (!byAge.isEmpty() && byAge.peekFirst().sentAt() <= cutoff) {
            Original old = byAge.pollFirst();
            byKey.remove(old.key(), old);
        }
    }
}
