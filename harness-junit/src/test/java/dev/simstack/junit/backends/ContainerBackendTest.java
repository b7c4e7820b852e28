package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.junit.Backend;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The container backends where there is no Docker engine (as on the machines that build SimStack): the class is
 * skipped, not failed, with a message saying why; its tests do not run.
 */
class ContainerBackendTest {

    @Test
    void without_docker_a_floci_class_is_skipped_saying_why() {
        EngineExecutionResults results = Kit.run(OnFloci.class);

        assertThat(abortReasons(results)).containsExactly("@SimStack on OnFloci skipped: backend FLOCI runs in a"
                + " container, and Testcontainers finds no Docker engine on this machine (start one, or point"
                + " DOCKER_HOST at one; the embedded backend needs none)");
        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
    }

    @Test
    void without_docker_a_localstack_class_is_skipped_before_its_token_is_asked_for() {
        EngineExecutionResults results = Kit.run(OnLocalStack.class);

        assertThat(abortReasons(results)).containsExactly("@SimStack on OnLocalStack skipped: backend LOCALSTACK"
                + " runs in a container, and Testcontainers finds no Docker engine on this machine (start one, or"
                + " point DOCKER_HOST at one; the embedded backend needs none)");
        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
    }

    private static java.util.List<String> abortReasons(EngineExecutionResults results) {
        assertThat(Kit.failureMessages(results)).isEmpty();
        return results.containerEvents().aborted().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?"))
                .toList();
    }

    @SimStack(backend = Backend.FLOCI, queues = @Queue(name = "orders"))
    static class OnFloci {

        @Test
        void test() {
        }
    }

    @SimStack(backend = Backend.LOCALSTACK, queues = @Queue(name = "orders"))
    static class OnLocalStack {

        @Test
        void test() {
        }
    }
}
