package dev.simstack.junit.internal.backend;

import dev.simstack.junit.Backend;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.Misuse;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which backend a declaration runs on. A class that names one keeps it (it may need the engine, or a container);
 * a class that leaves {@link Backend#DEFAULT} follows the run's {@value SimStack#BACKEND_PROPERTY}, else the
 * embedded engine. So {@code -Dsimstack.backend=aws} moves a suite without touching the classes that pin theirs.
 */
public final class BackendChoice {

    private BackendChoice() {
    }

    /** The backend of {@code declaration} in a run with {@code settings}. */
    public static Backend of(SimStack declaration, RunSettings settings) {
        if (declaration.backend() != Backend.DEFAULT) {
            return declaration.backend();
        }
        return settings.get(SimStack.BACKEND_PROPERTY).map(BackendChoice::parse).orElse(Backend.EMBEDDED);
    }

    private static Backend parse(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (!name.equals(Backend.DEFAULT.name())) {
            for (Backend backend : Backend.values()) {
                if (backend.name().equals(name)) {
                    return backend;
                }
            }
        }
        throw new Misuse(SimStack.BACKEND_PROPERTY + "=" + text + " is not a backend: use one of " + Arrays
                .stream(Backend.values()).filter(b -> b != Backend.DEFAULT).map(b -> b.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toList()));
    }
}
