package dev.simstack.junit.internal;

import dev.simstack.core.FunctionSpec;
import dev.simstack.junit.Function;

/** The {@code @SqsEvent}s of a {@link Function} as the function's event source mappings. */
final class SqsEvents {

    private SqsEvents() {
    }

    static FunctionSpec declare(FunctionSpec spec, Function function) {
        // Wired once FunctionSpec can declare SQS event sources.
        return spec;
    }

    static void check(FunctionSpec function, java.util.Set<String> queues, String on) {
        // Wired once FunctionSpec can declare SQS event sources.
    }
}
