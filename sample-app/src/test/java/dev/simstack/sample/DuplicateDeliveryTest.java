package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.DuplicateDelivery;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SQS standard queues deliver at least once: a message the worker has deleted can come back. Here the queue
 * itself delivers each order's message twice ({@code @DuplicateDelivery}: visible again after its delete). The
 * naive worker charges the order twice and the idempotency assertion says so, naming the order; the app's worker
 * sees the order is PAID already and charges it once.
 */
@OrdersApp
@DuplicateDelivery(queue = OrdersApp.QUEUE)
class DuplicateDeliveryTest {

    private HttpDependency payments;

    @AfterEach
    void closePayments() {
        payments.close();
    }

    // docs:naive-twice-start
    @Test
    void the_naive_worker_charges_a_redelivered_order_twice(Stack stack, LambdaClient lambda,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        payments = Payments.start(stack, lambda, NaivePaymentWorker.class.getName());

        String orderId = OrdersClient.field(new OrdersClient(api).place("key-1",
                OrdersClient.order("c-1", 2500, "EUR")), "orderId");
        Awaits.drained(stack); // the message came back at its delete, and was processed again

        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(1);
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).eachKeyAppliedOnce())
                .hasMessageContaining("Expecting each key of the calls to HTTP dependency payments by business key"
                        + " to be applied exactly once (one call answered 2xx), but 1 of 1 key was not:")
                .hasMessageContaining("  " + orderId + ": applied 2 times, failed 0");
    }
    // docs:naive-twice-end

    // docs:worker-once-start
    @Test
    void the_payment_worker_charges_a_redelivered_order_once(Stack stack, LambdaClient lambda,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        payments = Payments.start(stack, lambda);

        String orderId = OrdersClient.field(new OrdersClient(api).place("key-1",
                OrdersClient.order("c-1", 2500, "EUR")), "orderId");
        Awaits.drained(stack); // the message came back at its delete, and was processed again

        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(1).noneLost();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).keys(orderId).eachAppliedOnce();
        assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS).eachKeyAppliedOnce();
    }
    // docs:worker-once-end
}
