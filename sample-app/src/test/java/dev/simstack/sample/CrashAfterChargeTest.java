package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.CrashAfterEffect;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A Lambda runtime can die after the handler did its work and before Lambda records the result (an
 * out-of-memory kill, say): the invocation fails with {@code Runtime.ExitError}, the event source mapping deletes
 * nothing, and the order's message comes back after the queue's visibility timeout although the order was
 * charged, marked PAID and receipted. {@code @CrashAfterEffect} does exactly that to the worker's first
 * invocation; the redelivery finds the order PAID and charges nothing more.
 */
@OrdersApp
@CrashAfterEffect(function = OrdersApp.WORKER, times = 1)
class CrashAfterChargeTest {

    private HttpDependency payments;

    @BeforeEach
    void payments(Stack stack, LambdaClient lambda) {
        payments = Payments.start(stack, lambda);
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    // docs:crash-after-charge-start
    @Test
    void an_order_whose_worker_crashed_after_charging_is_retried_and_charged_once(Stack stack,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String orderId = orders.placeAccepted("key-1", "c-1", 4200);

        Awaits.invocations(stack, 1);                         // charged, PAID, receipted, then the runtime died
        stack.clock().advance(Awaits.VISIBILITY_TIMEOUT);     // nothing was deleted: the message is back
        Awaits.drained(stack);

        assertThat(stack.function(OrdersApp.WORKER).invocations()).extracting(LedgerEntry.Invocation::outcome)
                .containsExactly(LedgerEntry.InvocationOutcome.ERROR, LedgerEntry.InvocationOutcome.SUCCESS);
        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(1).noneLost();
        assertThat(orders.statusOf(orderId)).isEqualTo("PAID");
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).keys(orderId).eachAppliedOnce();
        assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS).eachKeyAppliedOnce();
        assertThat(stack).queue(OrdersApp.DLQ).isEmpty();
    }
    // docs:crash-after-charge-end
}
