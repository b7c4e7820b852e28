package dev.simstack.core.internal.services.dynamodb.streams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A shard iterator: where a reader is in a stream's shard (after which sequence number) and when the
 * iterator was issued, which is what makes it expire 15 minutes later. It carries its whole state in its
 * opaque token, as AWS's do, so the engine keeps nothing per reader.
 *
 * @param streamArn the stream
 * @param shardId the shard
 * @param after the sequence number after which reading continues
 * @param issuedMillis when it was issued, on the stack's clock
 */
record ShardIterator(String streamArn, String shardId, long after, long issuedMillis) {

    /** AWS: "A shard iterator expires 15 minutes after it is retrieved". */
    static final long LIFETIME_MILLIS = 15L * 60 * 1000;

    String token() {
        String plain = streamArn + "|" + shardId + "|" + after + "|" + issuedMillis;
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator {@code token} encodes; a ValidationException if it is not one this engine issued. */
    static ShardIterator parse(String token) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4) {
                throw invalid();
            }
            return new ShardIterator(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }

    private static RuntimeException invalid() {
        return StreamErrors.validation("Invalid ShardIterator");
    }
}
