package dev.simstack.core.internal.services.sqs;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIFO queue's memory of ReceiveRequestAttemptIds: a receive retried with the same attempt id while
 * the messages it returned are still in flight under its receipt handles gets the same messages and
 * handles back instead of new ones. AWS keeps an attempt id for 5 minutes.
 */
final class ReceiveAttempts {

    private static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    private record Attempt(long at, List<Delivery> deliveries) {
    }

    private final Map<String, Attempt> attempts = new LinkedHashMap<>();

    /** The deliveries of attempt {@code id} if every one is still in flight under its handle, else null. */
    List<Delivery> replay(String id, long now) {
        forgetBefore(now - WINDOW_MILLIS);
        Attempt attempt = attempts.get(id);
        if (attempt == null) {
            return null;
        }
        for (Delivery delivery : attempt.deliveries()) {
            SqsMessage message = delivery.message();
            if (message.state != SqsMessage.State.IN_FLIGHT || !delivery.nonce().equals(message.receipt)) {
                attempts.remove(id);
                return null;
            }
        }
        return attempt.deliveries();
    }

    void remember(String id, long now, List<Delivery> deliveries) {
        if (!deliveries.isEmpty()) {
            attempts.remove(id);
            attempts.put(id, new Attempt(now, List.copyOf(deliveries)));
        }
    }

    void clear() {
        attempts.clear();
    }

    private void forgetBefore(long cutoff) {
        for (Iterator<Attempt> it = attempts.values().iterator(); it.hasNext();) {
            if (it.next().at() > cutoff) {
                return;
            }
            it.remove();
        }
    }
}
