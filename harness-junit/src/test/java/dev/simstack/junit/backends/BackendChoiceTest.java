package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Which backend a class runs on: {@code -Dsimstack.backend} (or the configuration parameter) moves the classes that
 * leave {@code backend} at its default; a class that names one keeps it.
 */
class BackendChoiceTest {

    @Test
    void a_class_that_leaves_the_default_follows_the_runs_backend() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(standIn.asEndpoint(),
                    FollowsTheRun.class), printed);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).contains("SimStack: FollowsTheRun on backend ENDPOINT " + standIn.endpoint()
                    + " created [queue orders (us-east-1)]");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void a_class_that_pins_the_embedded_engine_stays_on_it_whatever_the_run_says() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(Map.of("simstack.backend", "endpoint", "simstack.endpoint", standIn.endpoint(),
                    "junit.jupiter.execution.parallel.enabled", "false"), PinsTheEngine.class), 1);
        }
    }

    @Test
    void an_unknown_backend_lists_the_backends() {
        EngineExecutionResults results = Kit.run(Map.of("simstack.backend", "cloud"), FollowsTheRun.class);

        assertThat(Kit.failureMessages(results)).containsExactly("simstack.backend=cloud is not a backend: use one"
                + " of [embedded, localstack, floci, aws, endpoint]");
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class FollowsTheRun {

        @Test
        void sends(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("on the endpoint"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).hasSize(1);
        }
    }

    @SimStack(backend = Backend.EMBEDDED, clock = "manual", queues = @Queue(name = "orders"))
    static class PinsTheEngine {

        @Test
        void hasTheEngine(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("in the engine"));
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1);
        }
    }
}
