package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.fixtures.HttpFault;
import dev.simstack.junit.ApiUrl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The payment provider is outside AWS and fails as any HTTP service does. A 5xx fails only its order: the worker
 * lists it in {@code batchItemFailures} (a partial batch failure), the others of the batch are deleted, and SQS
 * delivers the failed one again after its visibility timeout. A slow answer makes the invocation slow, and
 * within the function's timeout nothing else. Either way each order is charged once. The provider's faults are
 * the fixtures' {@code HttpFault}s, on the stack's clock and recorded in its ledger.
 */
@OrdersApp
class PaymentProviderFaultsTest {

    private HttpDependency payments;

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    void orders_whose_charge_failed_with_a_5xx_come_back_and_are_charged_once(Stack stack, LambdaClient lambda,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        payments = Payments.start(stack, lambda, HttpFault.serverError(503).atMost(2));
        OrdersClient orders = new OrdersClient(api);
        String first = orders.placeAccepted("key-1", "c-1", 1000);
        String second = orders.placeAccepted("key-2", "c-2", 2000);
        String third = orders.placeAccepted("key-3", "c-3", 3000);

        Awaits.until(() -> assertThat(payments.calls()).hasSize(3)); // two answered 503, one 201
        Awaits.settled(stack);
        stack.clock().advance(Awaits.VISIBILITY_TIMEOUT);          // the two failed messages come back
        Awaits.drained(stack);

        // The first three charges run side by side, so the ledger may record the 201 between the two 503s.
        List<Integer> statuses = payments.calls().stream().map(LedgerEntry.HttpCall::status).toList();
        assertThat(statuses).hasSize(5);
        assertThat(statuses.subList(0, 3)).containsExactlyInAnyOrder(503, 503, 201);
        assertThat(statuses.subList(3, 5)).containsExactly(201, 201);
        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(2).noneLost();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).keys(first, second, third).eachAppliedOnce();
        for (String order : new String[] {first, second, third}) {
            assertThat(orders.statusOf(order)).isEqualTo("PAID");
        }
    }

    @Test
    void a_slow_provider_makes_the_invocation_slow_and_charges_once(Stack stack, LambdaClient lambda,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        payments = Payments.start(stack, lambda, HttpFault.latency(Duration.ofSeconds(20)).fromCall(2));
        OrdersClient orders = new OrdersClient(api);
        orders.placeAccepted("key-1", "c-1", 1000); // the first charge is quick, and warms the worker up
        Awaits.drained(stack);

        String slow = orders.placeAccepted("key-2", "c-2", 2000);
        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty(); // moves the clock: the answer comes 20 s on

        LedgerEntry.Invocation paid = stack.function(OrdersApp.WORKER).invocations().get(1);
        assertThat(Duration.between(paid.start(), paid.end())).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(orders.statusOf(slow)).isEqualTo("PAID");
        assertThat(stack).function(OrdersApp.WORKER).hasNoErrors();
        assertThat(stack).delivery(OrdersApp.QUEUE).hasNoDuplicateDeliveries();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).eachKeyAppliedOnce();
    }
}
