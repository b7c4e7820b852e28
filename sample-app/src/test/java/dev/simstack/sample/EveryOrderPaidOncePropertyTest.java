package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fixtures.FaultPlans;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.fixtures.HttpFault;
import dev.simstack.fixtures.OrderPayloads;
import dev.simstack.junit.ApiUrl;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The app's promise as a property: whatever goes wrong (any fault plan drawn from the fixtures' {@code FaultPlans}
 * on the calls the app makes to DynamoDB and SQS, and a payment provider failing some charges), every order the
 * API accepted ends PAID, with its PAID write applied once and every charge carrying its idempotency key, or waits
 * in the dead-letter queue, never both, and none is lost. jqwik draws the orders (repeated keys included) and the
 * faults, and shrinks a counter-example to the fewest orders and rules. Each try starts from the template's
 * state ({@code @SimStack} resets the stack before every try); 15 tries keep the property within seconds.
 * Faults on S3 are left out: a receipt that cannot be written sends a PAID order's message to the dead-letter
 * queue (the worker counts the receipt as part of the order's processing), which this property would report.
 */
@OrdersApp
class EveryOrderPaidOncePropertyTest {

    static final OrderPayloads ORDERS = OrderPayloads.orders().withKeySpace(3).withBodies(1, 4);

    @Provide
    Arbitrary<List<String>> orders() {
        return ORDERS.lists();
    }

    @Provide
    Arbitrary<FaultPlan> faults() {
        // No latency: on a manual clock a delayed call would wait for a clock only the test moves.
        return FaultPlans.on(AwsService.DYNAMODB, "PutItem", "GetItem", "UpdateItem")
                .and(AwsService.SQS, "SendMessage")
                .withResources(OrdersApp.TABLE, OrdersApp.QUEUE)
                .withMaxLatency(Duration.ZERO)
                .plans();
    }

    @Provide
    Arbitrary<Double> providerFailures() {
        return Arbitraries.of(0.0, 0.2, 0.5);
    }

    @Property(tries = 15, seed = "2026")
    void every_accepted_order_ends_paid_once_or_in_the_dead_letter_queue(@ForAll("orders") List<String> orders,
            @ForAll("faults") FaultPlan plan, @ForAll("providerFailures") double providerFailures, Stack stack,
            FaultInjector faults, LambdaClient lambda, @ApiUrl(OrdersApp.API) URI api) throws Exception {
        try (HttpDependency payments = Payments.start(stack, lambda,
                HttpFault.serverError(500).withProbability(providerFailures))) {
            faults.replace(plan, stack.seed());
            Set<String> accepted = place(new OrdersClient(api), orders);

            Awaits.workedOff(stack);

            Set<String> paid = paid(stack);
            Set<String> deadLettered = deadLettered(stack);
            assertThat(paid).as("paid and dead-lettered").filteredOn(deadLettered::contains).isEmpty();
            assertThat(union(paid, deadLettered)).as("paid or dead-lettered").isEqualTo(accepted);
            assertThat(paidWrites(stack)).as("PAID writes per order").allSatisfy((order, writes) ->
                    assertThat(writes).isOne());
            assertThat(payments.calls()).allSatisfy(call -> assertThat(accepted).contains(call.businessKey()));
            payments.wireMock().find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/charges"))).forEach(charge ->
                    assertThat(charge.getHeader("Idempotency-Key")).isEqualTo(
                            JsonNode.parser().parse(charge.getBodyAsString()).field("orderId").get().text()));
            assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
        }
    }

    /** Places each order (the client retries a 5xx up to twice, with the same key); answers those accepted. */
    private static Set<String> place(OrdersClient client, List<String> orders) throws Exception {
        Set<String> accepted = new HashSet<>();
        for (String body : orders) {
            String key = ORDERS.keyOf(body);
            String order = OrdersClient.order("c-" + key, 100L * OrderPayloads.quantityOf(body), "EUR");
            HttpResponse<String> answer = client.place(key, order);
            for (int retry = 0; retry < 2 && answer.statusCode() >= 500; retry++) {
                answer = client.place(key, order);
            }
            if (answer.statusCode() == 202) {
                accepted.add(OrdersClient.field(answer, "orderId"));
            }
        }
        return accepted;
    }

    private static Set<String> paid(Stack stack) {
        return stack.table(OrdersApp.TABLE).items().stream().filter(item -> "PAID".equals(item.get("status")))
                .map(item -> (String) item.get("orderId")).collect(Collectors.toSet());
    }

    private static Set<String> deadLettered(Stack stack) {
        return stack.queue(OrdersApp.DLQ).peek().stream()
                .map(message -> JsonNode.parser().parse(message.body()).field("orderId").get().text())
                .collect(Collectors.toSet());
    }

    /** The applied PAID writes (UpdateItem) per order, from the ledger. */
    private static Map<String, Long> paidWrites(Stack stack) {
        return stack.ledger().entries(LedgerEntry.ItemWrite.class).stream()
                .filter(write -> write.table().equals(stack.table(OrdersApp.TABLE).ref()))
                .filter(write -> write.operation().equals("UpdateItem")
                        && write.outcome() == LedgerEntry.ConditionOutcome.APPLIED)
                .collect(Collectors.groupingBy(LedgerEntry.ItemWrite::key, Collectors.counting()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
