package dev.simstack.junit.internal;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.SimStack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a failure says about its stack, in one wording for JUnit Jupiter tests and jqwik properties: the seed
 * and the two ways to replay it, and where the stack's report (its ledger as a timeline, charts and a
 * diagram) was written.
 */
public final class SeedReport {

    /** The key under which the seed is published as a report entry. */
    public static final String KEY = SimStack.SEED_PROPERTY;

    /** The key under which the report's path is published, in the same report entry as the seed. */
    public static final String REPORT_KEY = "simstack.report";

    /** Where reports go, relative to the working directory (a Maven or Gradle module's directory in a build). */
    static final Path REPORTS = Path.of("target", "simstack-reports");

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

    /**
     * Prints the seed line, writes the stack's report to
     * {@code target/simstack-reports/<testClass>/<method>-<seed>.html} and prints its path, and answers what to
     * publish as one report entry: the seed, and the report's path when it was written. A report that cannot be
     * written costs one line saying why; it never replaces the test's own failure.
     *
     * @param testClass the failing test's class's simple name
     * @param method the failing method's name, or null for a failure outside any method
     * @param faults the fault plan the test ran with, printed when it has faults
     */
    public static Map<String, String> report(Stack stack, String testClass, String method, FaultPlan faults) {
        long seed = stack.seed();
        String test = testClass + (method == null ? "" : "." + method);
        print(test, seed);
        if (!faults.isEmpty()) {
            System.err.println("SimStack: " + test + " ran with faults: " + faults);
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(KEY, Long.toString(seed));
        write(stack, test, REPORTS.resolve(testClass).resolve((method == null ? "class" : method) + "-" + seed + ".html"))
                .ifPresent(file -> entry.put(REPORT_KEY, file.toString()));
        return entry;
    }

    private static Optional<Path> write(Stack stack, String test, Path file) {
        try {
            Path written = stack.report(file).toAbsolutePath();
            System.err.println("SimStack: the report of " + test + " is " + written);
            return Optional.of(written);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("SimStack: could not write the report of " + test + " to " + file.toAbsolutePath()
                    + ": " + e);
            return Optional.empty();
        }
    }
}
