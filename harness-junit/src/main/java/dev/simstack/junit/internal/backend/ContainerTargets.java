package dev.simstack.junit.internal.backend;

import dev.simstack.junit.Backend;
import dev.simstack.junit.internal.Misuse;
import java.util.List;

/**
 * The container backends' entry: checks that Testcontainers is on the class path (an optional dependency, so
 * that users of the embedded engine never get it) before {@link Containers} touches any of its classes.
 */
final class ContainerTargets {

    /** LocalStack's image reads its auth token from this variable (needed since March 2026). */
    static final String LOCALSTACK_TOKEN = "LOCALSTACK_AUTH_TOKEN";

    private ContainerTargets() {
    }

    static RemoteTarget start(Backend backend, List<String> regions, RunSettings settings, String on, String runId) {
        // One artifact for both: it brings Testcontainers itself, and Containers links against both.
        if (!present("org.testcontainers.localstack.LocalStackContainer")) {
            throw new Misuse(on + " runs on backend " + backend + ", which starts a container through Testcontainers:"
                    + " add org.testcontainers:testcontainers-localstack (2.x) to the test class path");
        }
        return Containers.start(backend, regions, settings, on, runId);
    }

    /** LocalStack's token, or a message naming the variable that should hold it. */
    static String localStackToken(RunSettings settings, String on) {
        return settings.environment(LOCALSTACK_TOKEN).orElseThrow(() -> new Misuse(on + " runs on backend"
                + " LOCALSTACK, whose image needs an auth token since March 2026: set the environment variable "
                + LOCALSTACK_TOKEN + " (from app.localstack.cloud), or use backend FLOCI, which needs none"));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ContainerTargets.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
