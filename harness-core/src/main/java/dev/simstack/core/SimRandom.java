package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * The stack's one seeded random source. Every choice AWS leaves open (which messages a receive returns,
 * which fault fires) draws from it, so a run replays from the seed it prints. Thread-safe: draws are
 * serialised, so the same sequence of calls gives the same values.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimRandom {

    private final long seed;
    private SplittableRandom random;

    /** A source drawing the sequence {@code seed} determines. */
    public SimRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this source started from; print it to replay a run. */
    public long seed() {
        return seed;
    }

    /**
     * Starts the sequence again from {@code sequenceSeed}, keeping {@link #seed()}. The JUnit harness does
     * this before each test method with a seed derived from {@link #seed()} and the method, so that a
     * method's random choices do not depend on the methods that ran before it.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public synchronized void restart(long sequenceSeed) {
        random = new SplittableRandom(sequenceSeed);
    }

    /** A value in {@code [0, bound)}. */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Any long value. */
    public synchronized long nextLong() {
        return random.nextLong();
    }

    /** A value in {@code [0, 1)}. */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }
}
