package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.LambdaThrottle;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function with no concurrency left (its reserved concurrency lowered to 0, or the account's used up) is
 * throttled. An SQS event source mapping then deletes nothing and backs off: the batch's messages come back after
 * the visibility timeout, and each such receive counts towards the queue's {@code maxReceiveCount}. A short
 * throttle delays the orders and loses none; one that outlasts three visibility timeouts sends them to the
 * dead-letter queue unprocessed, which is why AWS advises a {@code maxReceiveCount} of at least 5 on a queue that
 * feeds a function.
 */
@OrdersApp
class LambdaThrottleTest {

    private HttpDependency payments;

    @BeforeEach
    void payments(Stack stack, LambdaClient lambda) {
        payments = Payments.start(stack, lambda);
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    @LambdaThrottle(function = OrdersApp.WORKER, reservedConcurrency = 0, duration = "1m")
    void orders_placed_while_the_worker_is_throttled_are_paid_once_it_is_not(Stack stack,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String orderId = orders.placeAccepted("key-1", "c-1", 1000);

        Awaits.until(() -> assertThat(throttles(stack)).isPositive());
        stack.clock().advance(Awaits.VISIBILITY_TIMEOUT); // the throttle is over; the message is back
        Awaits.drained(stack);

        assertThat(orders.statusOf(orderId)).isEqualTo("PAID");
        assertThat(stack).function(OrdersApp.WORKER).hasThrottles(throttles(stack)).hasInvocations(1).hasNoErrors();
        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(1).noneLost();
        assertThat(stack).queue(OrdersApp.DLQ).isEmpty();
    }

    @Test
    @LambdaThrottle(function = OrdersApp.WORKER, reservedConcurrency = 0, duration = "15m")
    void a_throttle_outlasting_three_visibility_timeouts_sends_the_order_to_the_dead_letter_queue(Stack stack,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        String orderId = new OrdersClient(api).placeAccepted("key-1", "c-1", 1000);

        for (int receive = 1; receive <= 3; receive++) {
            int throttled = receive;
            Awaits.until(() -> assertThat(throttles(stack)).isGreaterThanOrEqualTo(throttled));
            stack.clock().advance(Awaits.VISIBILITY_TIMEOUT);
        }

        Awaits.until(() -> assertThat(stack).queue(OrdersApp.DLQ).hasDepth(1));
        assertThat(stack.queue(OrdersApp.DLQ).peek().get(0).body()).contains(orderId);
        assertThat(stack).function(OrdersApp.WORKER).hasInvocations(0);
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost(); // in the dead-letter queue, waiting for a redrive
    }

    /** The worker's throttled invocations so far, as the ledger records them. */
    private static int throttles(Stack stack) {
        return (int) stack.function(OrdersApp.WORKER).invocations().stream()
                .filter(invocation -> invocation.outcome() == LedgerEntry.InvocationOutcome.THROTTLED).count();
    }
}
