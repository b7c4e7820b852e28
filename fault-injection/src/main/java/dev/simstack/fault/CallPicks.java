package dev.simstack.fault;

import dev.simstack.core.SimRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which of the calls a fault matches it picks: exactly the nth (1-based; 0 for any) or each with a probability, at
 * most {@code times} in all. The run's counts live in a {@link Counter}, one per activation.
 */
record CallPicks(double probability, long nth, long times) {

    static final CallPicks EVERY = new CallPicks(1, 0, Long.MAX_VALUE);

    CallPicks {
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
        }
        if (nth < 0 || times < 1) {
            throw new IllegalArgumentException("nth must be >= 0 (0 for any) and times >= 1, got nth " + nth
                    + " and times " + times);
        }
    }

    CallPicks withProbability(double chance) {
        return new CallPicks(chance, nth, times);
    }

    CallPicks withNth(long number) {
        return new CallPicks(probability, number, times);
    }

    CallPicks withTimes(long limit) {
        return new CallPicks(probability, nth, limit);
    }

    /** ", #2, p=0.5, at most 1x": what a printed plan shows; empty for every call. */
    String describe() {
        return describe("");
    }

    /** The same, the nth named as {@code what} ("invocation " gives ", invocation #2, ..."). */
    String describe(String what) {
        StringBuilder text = new StringBuilder();
        if (nth > 0) {
            text.append(", ").append(what).append('#').append(nth);
        }
        if (probability < 1) {
            text.append(", p=").append(probability);
        }
        if (times != Long.MAX_VALUE) {
            text.append(", at most ").append(times).append('x');
        }
        return text.toString();
    }

    /** Counts one activation's matching calls. */
    static final class Counter {
        private final CallPicks picks;
        private final AtomicLong seen = new AtomicLong();
        private final AtomicLong picked = new AtomicLong();

        Counter(CallPicks picks) {
            this.picks = picks;
        }

        /** True when this matching call is one the fault picks; draws from {@code random} only when it may be. */
        boolean picks(SimRandom random) {
            long number = seen.incrementAndGet();
            if (picks.nth() > 0 && number != picks.nth()) {
                return false;
            }
            if (picks.probability() < 1 && !random.chance(picks.probability())) {
                return false;
            }
            return picked.incrementAndGet() <= picks.times();
        }
    }
}
