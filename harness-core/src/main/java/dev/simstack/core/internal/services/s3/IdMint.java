package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.IdSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3's identifiers, from the stack's deterministic id source (so a replay shows the same ids): version
 * ids, upload ids, and the stack-wide write sequence behind event sequencers.
 */
final class IdMint {

    private final IdSource ids;
    private final AtomicLong sequence = new AtomicLong();

    IdMint(IdSource ids) {
        this.ids = ids;
    }

    /** A 32-character version id. */
    String versionId() {
        return ids.nextUuid().toString().replace("-", "");
    }

    /** An upload id: opaque to clients, URL-safe. */
    String uploadId() {
        return ids.nextUuid().toString().replace("-", "") + ids.nextUuid().toString().replace("-", "");
    }

    /** The write order continues after {@code sequence} (a reloaded snapshot's last write). */
    void continueAfter(long sequence) {
        this.sequence.accumulateAndGet(sequence, Math::max);
    }

    /** The next write's position in the stack's write order. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }
}
