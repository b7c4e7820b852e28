package dev.simstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.internal.burst.BurstOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A burst's result counts and ranks what its requests got (a plain unit test: the numbers are the rule). */
class BurstResultTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void percentiles_are_nearest_rank_over_the_answered_requests() {
        List<BurstRequest> requests = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            requests.add(new BurstRequest(n, T0.plusMillis(n), 200, Duration.ofMillis(n + 1), "r" + n));
        }
        requests.add(new BurstRequest(100, T0.plusMillis(100), 0, Duration.ZERO, null));
        BurstResult result = new BurstResult(new BurstOutcome("queue orders", requests, new BitSet(),
                Duration.ofMillis(200)));

        assertThat(result.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(result.p95()).isEqualTo(Duration.ofMillis(95));
        assertThat(result.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(result.latencyPercentile(99.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(result.latencyPercentile(0.1)).isEqualTo(Duration.ofMillis(1));
        assertThat(result.maxLatency()).isEqualTo(Duration.ofMillis(100));
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.countsByStatus()).containsExactly(java.util.Map.entry(0, 1), java.util.Map.entry(200, 100));
    }

    @Test
    void throttled_requests_are_those_the_service_said_were_throttled() {
        BitSet throttled = new BitSet();
        throttled.set(1);
        BurstResult result = new BurstResult(new BurstOutcome("queue orders", List.of(
                new BurstRequest(0, T0, 200, Duration.ZERO, "a"),
                new BurstRequest(1, T0, 400, Duration.ZERO, "b"),
                new BurstRequest(2, T0, 400, Duration.ZERO, "c")), throttled, Duration.ZERO));

        assertThat(result.throttled()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result).hasToString("burst queue orders: 3 requests, 1 accepted, 1 throttled, 1 failed; statuses"
                + " {200=1, 400=2}; latency p50 0ms, p99 0ms, max 0ms; elapsed 0ms");
    }

    @Test
    void a_percentile_is_in_zero_to_a_hundred() {
        BurstResult result = new BurstResult(new BurstOutcome("queue orders", List.of(), new BitSet(), Duration.ZERO));

        assertThat(result.p99()).isZero();
        assertThatThrownBy(() -> result.latencyPercentile(0)).hasMessage("a percentile is in (0, 100], got 0.0");
        assertThatThrownBy(() -> result.latencyPercentile(100.5)).hasMessage("a percentile is in (0, 100], got 100.5");
    }
}
