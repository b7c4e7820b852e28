package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ClientRequestTokens of successful TransactWriteItems calls, each valid for 10 minutes on the stack
 * clock: a retry with the same token and parameters answers the first call's result without writing
 * again; the same token with other parameters is an IdempotentParameterMismatchException.
 */
final class TransactionTokens {

    /** AWS keeps a token for 10 minutes. */
    private static final Duration VALIDITY = Duration.ofMinutes(10);

    private final SimClock clock;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    /** Tokens in the order remembered, which is their expiry order, since every token lasts as long. */
    private final Queue<String> byExpiry = new ConcurrentLinkedQueue<>();

    TransactionTokens(SimClock clock) {
        this.clock = clock;
    }

    /** The earlier result for {@code token}, or null if there is none still valid. */
    JsonNode earlier(String token, String fingerprint) {
        Instant now = clock.now();
        expire(now);
        Entry entry = tokens.get(token);
        if (entry == null || !entry.expires.isAfter(now)) {
            return null;
        }
        if (!entry.fingerprint.equals(fingerprint)) {
            throw DynamoDbErrors.idempotentParameterMismatch();
        }
        return entry.output;
    }

    /** Forgets every token (a reset). */
    void clear() {
        tokens.clear();
        byExpiry.clear();
    }

    void remember(String token, String fingerprint, JsonNode output) {
        tokens.put(token, new Entry(fingerprint, output, clock.now().plus(VALIDITY)));
        byExpiry.add(token);
    }

    private void expire(Instant now) {
        for (String oldest = byExpiry.peek(); oldest != null; oldest = byExpiry.peek()) {
            Entry entry = tokens.get(oldest);
            if (entry != null && entry.expires.isAfter(now)) {
                return;
            }
            byExpiry.poll();
            if (entry != null) {
                tokens.remove(oldest, entry);
            }
        }
    }

    private record Entry(String fingerprint, JsonNode output, Instant expires) {
    }
}
