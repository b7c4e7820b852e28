package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A burst at a Lambda proxy route; a cold start that waits on the manual clock does not stall the burst. */
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
}
