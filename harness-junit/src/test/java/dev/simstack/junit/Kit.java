package dev.simstack.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.platform.engine.TestExecutionResult;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs test classes through the Jupiter (or jqwik) engine as a build would, so the extension is tested from outside:
 * the classes it runs are static nested fixtures, which the surefire run itself skips ({@code *$*}).
 */
public final class Kit {

    private Kit() {
    }

    /** Runs {@code classes} in sequence. */
    public static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Runs {@code classes} with JUnit's parallel mode on: classes and methods concurrently. */
    public static EngineExecutionResults runInParallel(Class<?>... classes) {
        return run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"), classes);
    }

    /** Asserts that {@code tests} tests ran and passed, showing the failures' messages when not. */
    public static void assertPassed(EngineExecutionResults results, int tests) {
        String failures = results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
                .collect(Collectors.joining("\n"));
        Assertions.assertThat(failures).as("failures").isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(tests).failed(0));
    }

    /** The failure messages of the tests {@code results} ran, in order. */
    public static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?"))
                .collect(Collectors.toList());
    }

    /**
     * Runs {@code classes} through the jqwik engine, with jqwik's reports published as report entries. A failed
     * property does not make the next run of it start from its last failing sample (each run generates, and
     * shrinks, as a first one does), and jqwik's database of failures goes under {@code target}.
     */
    public static EngineExecutionResults runOnJqwik(Class<?>... classes) {
        return EngineTestKit.engine("jqwik")
                .configurationParameters(Map.of("jqwik.reporting.usejunitplatform", "true",
                        "jqwik.failures.after.default", "RANDOM_SEED",
                        "jqwik.database", "target/jqwik-database"))
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** Runs {@code classes} with the given configuration parameters. */
    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /**
     * Runs {@code run}, collecting what it prints to {@code System.err} (a seed line, a report's path, what a
     * backend created) into {@code printed[0]}, then prints it there too, so a failing test still shows it.
     */
    public static EngineExecutionResults capturingErr(Supplier<EngineExecutionResults> run, String[] printed) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setErr(err);
            printed[0] = captured.toString(StandardCharsets.UTF_8);
            System.err.print(printed[0]);
        }
    }
}
