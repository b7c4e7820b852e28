package dev.simstack.junit.internal.backend;

import dev.simstack.core.SimRandom;
import dev.simstack.fault.FaultRule;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule of a plan as the client side applies it: its window on the wall clock (a remote backend has no
 * manual clock), its counters and its random streams. The streams derive from the seed, the rule's position and
 * the resource's declared name as the engine's {@code FaultInjector} derives them, so the same seed and the same
 * calls fault the same of them on every backend.
 */
final class ClientRule {

    private final FaultRule rule;
    private final long seed;
    private final Instant opens;
    private final Instant closes;
    private final Map<String, SimRandom> streams = new ConcurrentHashMap<>();
    private long matched;
    private long eligible;
    private long injected;

    ClientRule(FaultRule rule, long planSeed, int position, Instant applied) {
        this.rule = rule;
        // FaultContext's spreading, so that a rule draws here what it draws on the engine.
        this.seed = planSeed ^ (0x9E3779B97F4A7C15L * (position + 1));
        this.opens = rule.from() == null ? applied : applied.plus(rule.from());
        this.closes = rule.until() == null ? null : applied.plus(rule.until());
    }

    FaultRule rule() {
        return rule;
    }

    /** Whether {@code call} is one the rule is about (before counting and chance), by its declared names. */
    boolean matches(SdkCall call) {
        return call.service() == rule.service()
                && (rule.operations().isEmpty() || rule.operations().contains(call.operation()))
                && (rule.region() == null || rule.region().equals(call.region()))
                && (rule.resource() == null || rule.resource().equals(call.resource()));
    }

    /**
     * Counts a match and decides whether to fault it, as the engine does: inside the window, past {@code after},
     * on every {@code every}th, under {@code times}, by chance drawn from the stream of the call's resource.
     *
     * @return the stream the call's draws come from when it is faulted, else null
     */
    synchronized SimRandom decide(SdkCall call, Instant now) {
        if (now.isBefore(opens) || (closes != null && !now.isBefore(closes))) {
            return null;
        }
        if (++matched <= rule.after() || ++eligible % rule.every() != 0 || injected >= rule.times()) {
            return null;
        }
        SimRandom random = streams.computeIfAbsent(call.resource() == null ? "" : call.resource(),
                key -> new SimRandom(new SplittableRandom(seed ^ key.hashCode()).nextLong()));
        if (rule.probability() < 1 && !random.chance(rule.probability())) {
            return null;
        }
        injected++;
        return random;
    }
}
