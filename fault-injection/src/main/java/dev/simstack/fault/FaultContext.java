package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.Stack;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * What a fault of a {@link FaultPlan} gets when it is activated on a stack: the stack, its clock, and random
 * streams of its own. A stream is seeded from the plan's seed (or the stack's, or the test's), the fault's
 * position in the plan and a key, so faults do not shift each other's draws, and a fault that draws per resource
 * ({@code random("orders")}) is not shifted by traffic to other resources: the same seed and the same calls to
 * a resource fault the same calls, whatever runs beside them.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class FaultContext {

    private final Stack stack;
    private final long seed;
    private final Map<String, SimRandom> streams = new ConcurrentHashMap<>();

    FaultContext(Stack stack, long planSeed, int position) {
        this.stack = stack;
        // SplitMix-style spreading, so neighbouring faults do not draw correlated streams.
        this.seed = planSeed ^ (0x9E3779B97F4A7C15L * (position + 1));
    }

    /**
     * The stack the fault acts on.
     *
     * @return the stack
     */
    public Stack stack() {
        return stack;
    }

    /**
     * The stack's clock: every delay and window of a fault reads it.
     *
     * @return the clock
     */
    public SimClock clock() {
        return stack.clock();
    }

    /**
     * The fault's random stream for {@code key} (a resource's name, say), the same object for the same key.
     * Draws from one stream are in call order, so concurrent calls to one key draw in the order they reach it.
     *
     * @param key what the stream is for; {@code ""} for the fault's main stream
     * @return the stream
     */
    public SimRandom random(String key) {
        return streams.computeIfAbsent(key, k -> new SimRandom(new SplittableRandom(seed ^ k.hashCode()).nextLong()));
    }

    /**
     * The seed this fault's streams derive from.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }
}
