package dev.simstack.core.internal.engine;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic identifiers (request ids, message ids, receipt-handle nonces) derived from the stack's
 * seed and a counter. Kept apart from the random source so that minting ids never shifts the random
 * choices a replay depends on.
 */
public final class IdSource {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final AtomicLong counter = new AtomicLong();

    public IdSource(long seed) {
        this.seed = seed;
    }

    /** How many ids this source has minted (a snapshot records it). */
    public long issued() {
        return counter.get();
    }

    /**
     * Continues numbering after {@code issued} ids: a stack reloaded from a snapshot never mints an id it
     * minted before, not even one handed out after the snapshot was taken (the caller adds headroom).
     */
    public void continueAfter(long issued) {
        counter.accumulateAndGet(issued, Math::max);
    }

    /** A version-4-shaped UUID, unique within the stack. */
    public UUID nextUuid() {
        long n = counter.incrementAndGet();
        long hi = mix(seed + n * GOLDEN);
        long lo = mix(hi ^ (seed * 31 + n));
        hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** {@link #nextUuid()} as a string. */
    public String next() {
        return nextUuid().toString();
    }

    // SplitMix64's finaliser: a cheap bijection with good bit diffusion.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
