package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.HandlerTimeout;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A burst at a Lambda proxy route; a cold start that waits on the manual clock does not stall the burst; an answer
 * is stamped with the instant it was given.
 */
class LambdaRouteBurstTest {

    @Test
    void a_burst_at_a_lambda_proxy_route_fills_in_path_parameters() {
        try (Stack stack = ShopStacks.lambdaShop(Duration.ZERO).start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "PUT /orders/${seq}")
                    .withRequests(10, Duration.ofSeconds(1)).withBody("{}")
                    .withHeader("Content-Type", "application/json"));

            assertThat(result.countsByStatus()).containsExactly(Map.entry(201, 10));
            assertThat(result.requests()).extracting(BurstRequest::requestId).doesNotContainNull()
                    .doesNotHaveDuplicates();
            assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class))
                    .extracting(LedgerEntry.ApiRequest::path).startsWith("/orders/1", "/orders/2");
        }
    }

    @Test
    void cold_starts_that_wait_on_the_manual_clock_do_not_deadlock_the_burst() {
        try (Stack stack = ShopStacks.lambdaShop(Duration.ofMillis(200)).start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "GET /orders/${n}")
                    .withRequests(20, Duration.ofSeconds(1)));
            System.out.println(result);

            assertThat(result.accepted()).isEqualTo(20);
            // The first request waited for its cold start, 200 ms on the stack's clock, which the burst moved.
            assertThat(result.requests().get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(result.maxLatency()).isLessThan(Duration.ofSeconds(29));
        }
    }

    @Test
    void an_answer_given_at_a_timers_instant_is_stamped_with_that_instant() {
        // The handler takes 40 ms of the stack's clock; requests arrive about 25 ms apart, so the burst moves the
        // clock past one request's answer on its way to the next arrival, and still stamps it 40 ms after it left.
        FaultInjector work = new FaultInjector(FaultPlan.none()
                .with(HandlerTimeout.delayed("order-api", Duration.ofMillis(40))));
        try (Stack stack = ShopStacks.lambdaShop(Duration.ZERO).withInterceptor(work).start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "GET /orders/${n}")
                    .withRequests(20, Duration.ofMillis(500)));

            assertThat(result.accepted()).isEqualTo(20);
            assertThat(result.requests()).extracting(BurstRequest::latency).containsOnly(Duration.ofMillis(40));
            assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class)).extracting(LedgerEntry.ApiRequest::latency)
                    .containsOnly(Duration.ofMillis(40));
        }
    }
}
