package dev.simstack.junit.internal.backend;

import dev.simstack.junit.Backend;
import java.net.URI;
import java.util.List;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts LocalStack or Floci through Testcontainers. Loaded only after {@link ContainerTargets} found
 * Testcontainers; without a Docker engine the class is skipped, not failed: the machine cannot run it, the test
 * is not wrong.
 */
final class Containers {

    /** The LocalStack image, unless {@value #LOCALSTACK_IMAGE} names another (a pinned tag, a mirror). */
    static final String LOCALSTACK_IMAGE = "simstack.localstack.image";
    /** The Floci image, unless {@value #FLOCI_IMAGE} names another. */
    static final String FLOCI_IMAGE = "simstack.floci.image";
    /** The edge port both emulators serve every service on. */
    private static final int EDGE_PORT = 4566;

    private Containers() {
    }

    static RemoteTarget start(Backend backend, List<String> regions, RunSettings settings, String on, String runId) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TestAbortedException(skipped(on, backend));
        }
        if (backend == Backend.LOCALSTACK) {
            String token = ContainerTargets.localStackToken(settings, on);
            LocalStackContainer localStack = new LocalStackContainer(DockerImageName.parse(settings
                    .get(LOCALSTACK_IMAGE).orElse("localstack/localstack:latest")))
                    .withEnv(ContainerTargets.LOCALSTACK_TOKEN, token);
            localStack.start();
            return new RemoteTarget(backend, localStack.getEndpoint(), RemoteTargets.emulatorCredentials(), regions,
                    runId, false, localStack::stop);
        }
        GenericContainer<?> floci = new GenericContainer<>(DockerImageName.parse(settings.get(FLOCI_IMAGE)
                .orElse("floci/floci:latest"))).withExposedPorts(EDGE_PORT).waitingFor(Wait.forListeningPort());
        floci.start();
        URI endpoint = URI.create("http://" + floci.getHost() + ":" + floci.getMappedPort(EDGE_PORT));
        return new RemoteTarget(backend, endpoint, RemoteTargets.emulatorCredentials(), regions, runId, false,
                floci::stop);
    }

    static String skipped(String on, Backend backend) {
        return on + " skipped: backend " + backend + " runs in a container, and Testcontainers finds no Docker engine"
                + " on this machine (start one, or point DOCKER_HOST at one; the embedded backend needs none)";
    }
}
