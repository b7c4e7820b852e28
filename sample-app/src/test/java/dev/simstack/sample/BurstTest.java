package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.simstack.core.BucketHandle;
import dev.simstack.core.Stack;
import dev.simstack.core.TableHandle;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import dev.simstack.junit.Named;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A spike of 1,000 orders in one minute against a stage that lets 1 request a second through (and 10 at
 * once): the rest get 429 (backpressure, as API Gateway does it), and every accepted order is paid, none lost.
 */
@OrdersApp
class BurstTest {

    @RegisterExtension
    static WireMockExtension payments = PaymentProviderStub.server();

    @BeforeEach
    void payments(LambdaClient lambda) {
        PaymentProviderStub.chargesEveryOrder(payments);
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), null);
    }

    /** 1,000 orders over a minute of the stack's clock, each with its own key. */
    static final BurstSpec SPIKE = BurstSpec.api(OrdersApp.API, "POST /orders")
            .withRequests(1000, Duration.ofMinutes(1))
            .withBody("{\"customerId\":\"c-${n}\",\"amount\":${seq},\"currency\":\"EUR\"}")
            .withHeader("Content-Type", "application/json")
            .withHeader("Idempotency-Key", "${uuid}");

    // Fired in the test, not with @Burst: @Burst fires before @BeforeEach, and the worker must first be pointed
    // at this class's payment provider (its URL is known only once WireMock has started).
    @Test
    void the_throttle_refuses_what_the_stage_cannot_take_and_loses_nothing(Stack stack,
            @Named(OrdersApp.TABLE) TableHandle table, @Named(OrdersApp.RECEIPTS) BucketHandle receipts) {
        BurstResult burst = Bursts.fire(stack, SPIKE);

        assertThat(burst).hasTotal(1000).hasFailed(0).accountsForEveryRequest()
                .hasAccepted(69).hasThrottled(931);   // 10 at once, then 1 a second: the same every run
        assertThat(burst.accepted() + burst.throttled()).isEqualTo(1000);
        assertThat(stack).api(OrdersApp.API).hasThrottled(burst.throttled()).hasStatusCount(202, burst.accepted());

        assertThat(stack).queue(OrdersApp.QUEUE).drainsWithin(Duration.ofMinutes(5));
        assertThat(table.itemCount()).isEqualTo(burst.accepted());
        assertThat(table.items()).allSatisfy(order -> assertThat(order).containsEntry("status", "PAID"));
        assertThat(receipts.objectCount()).isEqualTo(burst.accepted());
        assertThat(stack).queue(OrdersApp.DLQ).isEmpty();
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
        assertThat(stack).function(OrdersApp.WORKER).hasNoErrors();
    }
}
