package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.Api;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.burst.BurstOutcome;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The burst assertions: five requests in a second at one a second with a burst of two, two accepted. */
@SimStack(queues = @Queue(name = "orders"),
        apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders"), rate = 1, burst = 2),
        clock = "manual", seed = 7)
class BurstResultAssertTest {

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void a_throttled_burst_reads_as_its_counts(BurstResult burst) {
        assertThat(burst).hasTotal(5).hasAccepted(2).hasThrottled(3).hasFailed(0)
                .hasThrottledFractionBetween(0.5, 0.6).hasLatencyPercentileAtMost(99, Duration.ZERO)
                .accountsForEveryRequest();
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void counting_assertions_fail_with_the_bursts_summary(BurstResult burst) {
        assertThatThrownBy(() -> assertThat(burst).hasTotal(6))
                .hasMessage("Expecting the burst to have 6 requests\nbut it had 5: " + burst);
        assertThatThrownBy(() -> assertThat(burst).hasAccepted(5))
                .hasMessage("Expecting the burst to have 5 accepted requests\nbut it had 2: " + burst);
        assertThatThrownBy(() -> assertThat(burst).hasThrottled(0))
                .hasMessage("Expecting the burst to have 0 throttled requests\nbut it had 3: " + burst);
        assertThatThrownBy(() -> assertThat(burst).hasFailed(1))
                .hasMessage("Expecting the burst to have 1 failed request\nbut it had 0: " + burst);
    }

    @Test
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void the_throttled_fraction_fails_outside_its_range(BurstResult burst) {
        assertThatThrownBy(() -> assertThat(burst).hasThrottledFractionBetween(0, 0.1)).hasMessage(
                "Expecting between 0.000 and 0.100 of the burst's requests to be throttled\nbut 0.600 were (3 of 5): "
                        + burst);
    }

    @Test
    void a_latency_percentile_fails_above_its_limit() throws Exception {
        BurstResult burst = result(new BurstRequest(0, Instant.EPOCH, 200, Duration.ofMillis(5), "a"),
                new BurstRequest(1, Instant.EPOCH, 200, Duration.ofMillis(40), "b"));

        assertThat(burst).hasLatencyPercentileAtMost(50, Duration.ofMillis(5));
        assertThatThrownBy(() -> assertThat(burst).hasLatencyPercentileAtMost(99, Duration.ofMillis(10))).hasMessage(
                "Expecting the burst's p99 latency to be at most 10ms (virtual time)\nbut it was 40ms: " + burst);
    }

    @Test
    void accounts_for_every_request_fails_for_a_request_without_an_answer() throws Exception {
        BurstResult burst = result(new BurstRequest(0, Instant.EPOCH, 200, Duration.ZERO, "a"),
                new BurstRequest(1, Instant.EPOCH, 0, Duration.ZERO, null),
                new BurstRequest(1, Instant.EPOCH, 200, Duration.ZERO, "c"));

        assertThatThrownBy(() -> assertThat(burst).accountsForEveryRequest()).hasMessage("""
                Expecting every request of the burst to be sent once and answered
                but these requests (by index) were not:
                  got no answer (status 0; a reset connection or a burst that stopped waiting): [1]
                  never sent: [2]
                  sent more than once: [1]
                """ + burst);
    }

    /** A burst's result as the burst runner makes one, for outcomes a live stack does not give on demand. */
    private static BurstResult result(BurstRequest... requests) throws Exception {
        Constructor<BurstResult> constructor = BurstResult.class.getDeclaredConstructor(BurstOutcome.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new BurstOutcome("POST /orders on shop", List.of(requests), new BitSet(),
                Duration.ofMillis(40)));
    }
}
