package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.Arrivals;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a burst's requests arrive: evenly, or as a Poisson process from the seed; at the clock's pace. */
class BurstArrivalsTest {

    private static final BurstSpec POISSON = BurstSpec.queue("orders")
            .withRequests(50, Duration.ofSeconds(10)).withArrivals(Arrivals.POISSON).withBody("order ${n}");

    @Test
    void uniform_arrivals_are_evenly_spread_and_the_first_goes_at_once() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            Instant start = stack.clock().now();
            BurstResult result = Bursts.fire(stack, BurstSpec.queue("orders").withRequests(4, Duration.ofSeconds(1))
                    .withBody("x"));

            assertThat(result.requests()).extracting(BurstRequest::sentAt).containsExactly(start,
                    start.plusMillis(250), start.plusMillis(500), start.plusMillis(750));
        }
    }

    @Test
    void poisson_arrivals_replay_from_the_seed() {
        List<Instant> first = offsets(7);
        List<Instant> again = offsets(7);
        List<Instant> otherSeed = offsets(8);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).isSorted().doesNotHaveDuplicates();
        // Not evenly spread: the gaps differ.
        assertThat(Duration.between(first.get(0), first.get(1)))
                .isNotEqualTo(Duration.between(first.get(1), first.get(2)));
    }

    @Test
    void on_a_scaled_clock_arrivals_come_at_the_scale() {
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.scaled(100)).withSeed(7)
                .withQueue(QueueSpec.named("orders"));
        try (Stack stack = config.start()) {
            long wallStart = System.nanoTime();
            BurstResult result = Bursts.fire(stack, BurstSpec.queue("orders").withRequests(20, Duration.ofSeconds(4))
                    .withBody("x"));
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;

            // 3.8 virtual seconds between the first and the last arrival take 38 ms of wall time at a scale of 100.
            assertThat(result.accepted()).isEqualTo(20);
            assertThat(wallMillis).isGreaterThanOrEqualTo(38);
            assertThat(Duration.between(result.requests().get(0).sentAt(), result.requests().get(19).sentAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3700));
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(20);
        }
    }

    @Test
    void on_a_real_clock_arrivals_come_in_real_time() {
        StackConfig config = StackConfig.defaults().withSeed(7).withQueue(QueueSpec.named("orders"));
        try (Stack stack = config.start()) {
            long wallStart = System.nanoTime();
            BurstResult result = Bursts.fire(stack, BurstSpec.queue("orders").withRequests(5, Duration.ofMillis(500))
                    .withBody("x"));

            assertThat((System.nanoTime() - wallStart) / 1_000_000).isGreaterThanOrEqualTo(400);
            assertThat(result.accepted()).isEqualTo(5);
        }
    }

    private static List<Instant> offsets(long seed) {
        try (Stack stack = ShopStacks.shop(seed).start()) {
            Instant start = stack.clock().now();
            return Bursts.fire(stack, POISSON).requests().stream()
                    .map(request -> Instant.EPOCH.plus(Duration.between(start, request.sentAt()))).toList();
        }
    }
}
