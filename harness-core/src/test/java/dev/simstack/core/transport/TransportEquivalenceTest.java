package dev.simstack.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.core.lambda.Handlers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-process transport is the socket's twin: each scenario runs on a fresh stack of the same seed and a
 * manual clock, once through the SDK's Apache client on the stack's port and once through
 * {@code InProcessHttpClient}, and both runs must see the same statuses, error codes, messages and bodies,
 * and leave the same requests in the ledger.
 */
class TransportEquivalenceTest {

    static StackConfig config() {
        return StackConfig.defaults().withSeed(42).withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("orders"))
                .withQueue(QueueSpec.named("orders.fifo").withAttribute("FifoQueue", "true"))
                .withTable(TableSpec.named("orders").withPartitionKey("pk").withSortKey("sk"))
                .withBucket(BucketSpec.named("uploads"))
                .withFunction(FunctionSpec.named("echo", Handlers.Echo.class))
                .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.sqs("orders")));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void a_scenario_answers_the_same_through_the_socket_and_in_process(Scenario scenario) {
        List<String> socket = run(scenario, Transport.SOCKET);
        List<String> inProcess = run(scenario, Transport.IN_PROCESS);

        assertThat(inProcess).isEqualTo(socket);
        assertThat(socket).isNotEmpty().noneMatch(line -> line.contains("InternalFailure"));
    }

    private static List<String> run(Scenario scenario, Transport transport) {
        try (Stack stack = Stack.start(config()); Clients clients = Clients.of(stack, transport)) {
            Transcript transcript = new Transcript(stack.endpoint());
            scenario.run(clients, transcript);
            List<String> seen = new ArrayList<>(transcript.lines());
            for (LedgerEntry.Request request : stack.ledger().entries(LedgerEntry.Request.class)) {
                seen.add("ledger " + request.service() + "." + request.operation() + " " + request.resource() + " "
                        + request.protocol() + " " + request.status() + " " + request.errorCode() + " at "
                        + request.at());
            }
            return seen;
        }
    }
}
