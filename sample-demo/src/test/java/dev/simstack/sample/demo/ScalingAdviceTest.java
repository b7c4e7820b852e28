package dev.simstack.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The advice is read from figures: each rule on figures chosen to show it. */
class ScalingAdviceTest {

    /** 600 arrivals, one every second for ten minutes, and a burst of 40 in the first second. */
    private static List<Long> arrivals() {
        List<Long> arrivals = new ArrayList<>();
        LongStream.range(0, 40).forEach(i -> arrivals.add(i * 25));
        LongStream.range(1, 600).forEach(i -> arrivals.add(i * 1000));
        return arrivals;
    }

    private static ScalingFigures figures(long deletedByBurstEnd, double meanBatch) {
        return new ScalingFigures(Duration.ofMinutes(10), arrivals(), 200, 1, 10, 439, deletedByBurstEnd, 12,
                Duration.ofSeconds(3), 400, Duration.ofMinutes(10), Duration.ofMillis(300), 4, 5, 10, meanBatch);
    }

    @Test
    void the_burst_a_token_bucket_needs_is_the_largest_debt_of_tokens_over_the_arrivals() {
        // 40 in one second at 1 a second: 39 tokens short at the end of it, and the bucket refills one a second.
        assertThat(ScalingAdvice.burstNeeded(arrivals(), 1)).isEqualTo(40);
        assertThat(ScalingAdvice.burstNeeded(arrivals(), 40)).isEqualTo(1);
        assertThat(ScalingAdvice.burstNeeded(List.of(0L, 1000L, 2000L), 1)).isEqualTo(1);
        assertThat(ScalingAdvice.burstNeeded(List.of(), 1)).isZero();
    }

    @Test
    void the_peak_counts_arrivals_in_a_sliding_window() {
        assertThat(ScalingAdvice.peakIn(arrivals(), 1000)).isEqualTo(40);
        assertThat(ScalingAdvice.peakIn(arrivals(), 10_000)).isEqualTo(49);
        assertThat(ScalingAdvice.peakIn(List.of(0L, 999L, 1000L), 1000)).isEqualTo(2);
    }

    @Test
    void a_throttled_stage_is_advised_the_rate_and_burst_that_accept_the_observed_arrivals() {
        String advice = ScalingAdvice.stage(figures(439, 1.1));

        // the peak over ten seconds is 49, so 5 a second; with that rate the first second's 40 need a burst of 36.
        assertThat(advice).startsWith("a stage of rate 5/s and burst 36 would have accepted all 639 requests")
                .contains("(200 of 639 refused (31%) at rate 1/s, burst 10; peak 40 in one second, 4.9/s over ten"
                        + " seconds)");
        assertThat(ScalingAdvice.burstNeeded(arrivals(), 5)).isEqualTo(36);
    }

    @Test
    void a_stage_that_refused_nothing_has_room() {
        ScalingFigures calm = new ScalingFigures(Duration.ofMinutes(1), List.of(0L, 1000L), 0, 1, 10, 2, 2, 1,
                Duration.ZERO, 2, Duration.ofSeconds(2), Duration.ofMillis(10), 1, 5, 10, 1);

        assertThat(ScalingAdvice.stage(calm)).startsWith("the stage accepted every request; its throttle has room.");
    }

    @Test
    void the_worker_keeps_up_when_at_most_one_round_of_batches_is_left_when_the_burst_ends() {
        assertThat(ScalingAdvice.queue(figures(400, 1.1))).startsWith("the worker keeps up: at most one round of "
                + "batches (10 x 5) was left when the burst ended.")
                .contains("(439 accepted over 10m00s (0.73/s), 400 deleted by the burst's end, peak depth 12,"
                        + " drained 3.0s after it)");
        assertThat(ScalingAdvice.queue(figures(139, 1.1))).startsWith("the worker falls behind: the queue grew by 0.50"
                + " messages/s during the burst (300 left when it ended); raise the mapping's MaximumConcurrency (5)");
    }

    @Test
    void reserved_concurrency_follows_littles_law_with_headroom_and_never_goes_below_the_mappings_maximum() {
        // 400 invocations over 600 s, 300 ms each: L = 0.667 x 0.3 = 0.2; x2 is 1; the mapping's maximum is 5.
        assertThat(ScalingAdvice.concurrency(figures(439, 1.1))).startsWith("reserve 5 for the worker: Little's law "
                + "gives 0.200 running on average (0.667 invocations/s x 300.0 ms mean duration), x2 headroom is 1;"
                + " the peak was 4;");
        ScalingFigures busy = new ScalingFigures(Duration.ofMinutes(1), List.of(0L), 0, 1, 10, 6000, 6000, 300,
                Duration.ZERO, 600, Duration.ofMinutes(1), Duration.ofSeconds(3), 30, 5, 10, 10);
        assertThat(ScalingAdvice.concurrency(busy)).startsWith("reserve 60 for the worker: Little's law gives 30.000");
    }

    @Test
    void small_batches_keep_the_batch_size_and_suggest_a_batching_window_full_ones_a_larger_batch() {
        assertThat(ScalingAdvice.batch(figures(439, 1.1))).isEqualTo("batches are not the limit (1.1 messages per "
                + "invocation of batch size 10, 400 invocations); keep BatchSize 10. A MaximumBatchingWindowInSeconds"
                + " of 5 would carry about 3.7 per invocation at 0.73 orders/s: 3.3x fewer invocations and SQS "
                + "requests, for up to 5 s more latency.");
        assertThat(ScalingAdvice.batch(figures(439, 9.5))).startsWith("batches are full: raise BatchSize to 20");
    }

    @Test
    void the_text_wraps_each_piece_under_its_topic() {
        String text = ScalingAdvice.text(List.of(new ScalingAdvice.Advice("queue", "word ".repeat(30).strip())));

        assertThat(text.lines()).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(112));
        assertThat(text).startsWith("  queue               word word");
    }
}
