package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.Ledger;
import dev.simstack.core.Stack;
import dev.simstack.junit.Api;
import dev.simstack.junit.DuplicateDelivery;
import dev.simstack.junit.Function;
import dev.simstack.junit.InjectFault;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.shape.Worker;
import org.junit.jupiter.api.Test;

/**
 * What only the embedded engine provides (simulated cold starts, a manual clock, the
 * stack and its ledger, semantic faults) fails fast on another backend, naming the backend and the fix; nothing is left behind.
 */
class NeedsTheEngineTest {

    @Test
    void cold_start_delays_apis_and_a_manual_clock_are_refused_before_anything_is_created() {
        try (StandIn standIn = new StandIn()) {
            assertThat(Kit.failureMessages(Kit.run(standIn.asEndpoint(), NeedsFunctions.class))).containsExactly(
                    "@SimStack on NeedsFunctions runs on backend ENDPOINT, which cannot provide functions with a"
                            + " cold start delay [worker], HTTP APIs with usage plans or API keys [keyed],"
                            + " clock = \"manual\": these need SimStack's embedded"
                            + " engine (queues, tables, buckets, functions with SQS and DynamoDB event sources, REST"
                            + " and HTTP APIs are what a remote backend creates); pin the class with @SimStack(backend"
                            + " = Backend.EMBEDDED)");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void the_stack_fails_naming_the_backend_while_the_ledger_is_the_clients() {
        try (StandIn standIn = new StandIn()) {
            assertThat(Kit.failureMessages(Kit.run(standIn.asEndpoint(), AsksForTheLedger.class))).containsExactly(
                    "parameter #1 of AsksForTheLedger.readsTheStack (Stack): Stack needs SimStack's embedded"
                            + " engine, and AsksForTheLedger runs on backend ENDPOINT " + standIn.endpoint() + ": use"
                            + " the injected SDK clients and @QueueUrl there, or pin the class with @SimStack(backend"
                            + " = Backend.EMBEDDED)");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void semantic_faults_and_dropped_connections_fail_naming_the_backend() {
        try (StandIn standIn = new StandIn()) {
            assertThat(Kit.failureMessages(Kit.run(standIn.asEndpoint(), SemanticFaults.class)))
                    .containsExactlyInAnyOrder(
                    "@DuplicateDelivery on SemanticFaults.duplicates (a semantic fault, acting inside the services)"
                            + " needs SimStack's embedded engine, and SemanticFaults runs on backend ENDPOINT "
                            + standIn.endpoint() + ": use the injected SDK clients and @QueueUrl there, or pin the"
                            + " class with @SimStack(backend = Backend.EMBEDDED)",
                    "the dropped connection of rule '@InjectFault sqs.SendMessage' (on SemanticFaults.drops) needs"
                            + " SimStack's embedded engine, and SemanticFaults runs on backend ENDPOINT "
                            + standIn.endpoint() + ": use the injected SDK clients and @QueueUrl there, or pin the"
                            + " class with @SimStack(backend = Backend.EMBEDDED)");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @SimStack(clock = "manual", queues = @Queue(name = "orders"), functions = @Function(name = "worker",
            handler = Worker.class, coldStartDelay = "250ms"),
            apis = {@Api(name = "keyed", kind = ApiSpec.Kind.HTTP, routes = @Route(key = "POST /orders",
                            queue = "orders", apiKeyRequired = true))})
    static class NeedsFunctions {

        @Test
        void test() {
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class AsksForTheLedger {

        @Test
        void reads(Ledger ledger) {
            assertThat(ledger.entries()).isEmpty();
        }

        @Test
        void readsTheStack(Stack stack) {
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class SemanticFaults {

        @Test
        @DuplicateDelivery(queue = "orders", nth = 1)
        void duplicates() {
        }

        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", wire = "drop")
        void drops() {
        }
    }
}
