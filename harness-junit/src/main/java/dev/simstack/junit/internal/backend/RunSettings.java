package dev.simstack.junit.internal.backend;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a run's backend settings come from: JUnit's configuration parameters (which fall back to system
 * properties, so {@code -Dsimstack.backend=aws} and {@code junit-platform.properties} both work), and the
 * environment for secrets such as {@code LOCALSTACK_AUTH_TOKEN}. A value, not a global: tests of the harness give
 * each run its own.
 */
public final class RunSettings {

    private final Function<String, Optional<String>> parameters;
    private final Function<String, String> environment;

    public RunSettings(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        this.parameters = parameters;
        this.environment = environment;
    }

    /** System properties and the process environment: for callers without JUnit configuration (jqwik). */
    public static RunSettings system() {
        return new RunSettings(key -> Optional.ofNullable(System.getProperty(key)), System::getenv);
    }

    /** The setting {@code key}, trimmed; empty when absent or blank. */
    Optional<String> get(String key) {
        return parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The environment variable {@code name}; empty when unset or blank. */
    Optional<String> environment(String name) {
        return Optional.ofNullable(environment.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
