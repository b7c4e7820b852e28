package dev.simstack.junit.internal;

import dev.simstack.junit.SimStack;

/**
 * What a failure says about its stack's seed, in one wording for JUnit Jupiter tests and jqwik properties:
 * the seed, and the two ways to replay it.
 */
public final class SeedReport {

    /** The key under which the seed is published as a report entry. */
    public static final String KEY = SimStack.SEED_PROPERTY;

    private SeedReport() {
    }

    /**
     * The line for {@code test} (e.g. {@code OrdersTest.storesAnOrder}) that failed on a stack with {@code seed}.
     */
    public static String line(String test, long seed) {
        return "SimStack: " + test + " failed on a stack with seed " + seed + "; replay it with -D"
                + SimStack.SEED_PROPERTY + "=" + seed + " or @SimStack(seed = " + seed + ")";
    }

    /** Prints {@link #line} to {@code System.err}, beside the test framework's own report of the failure. */
    public static void print(String test, long seed) {
        System.err.println(line(test, seed));
    }
}
