package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the requests of a {@link Burst} arrive over its duration. Either way the model is open: an arrival
 * never waits for an earlier request's answer.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Arrivals {

    /** Evenly spread: request {@code i} of {@code N} over {@code D} arrives at {@code i * D / N}, the first at once. */
    UNIFORM,

    /**
     * A Poisson process: the gaps between arrivals are exponential with mean {@code D / N}, drawn from a
     * {@link java.util.Random} seeded from the stack's seed, so the same seed gives the same arrivals. The
     * last arrival may fall a little before or after {@code D}.
     */
    POISSON
}
