package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.Interceptor;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On a manual clock a burst drives the clock, and API Gateway's token buckets throttle it exactly. */
class BurstThrottlingTest {

    private static final BurstSpec THOUSAND_IN_A_SECOND = BurstSpec.api("shop", "POST /orders")
            .withRequests(1000, Duration.ofSeconds(1))
            .withBody("{\"id\":\"${n}\"}");

    @Test
    void a_burst_over_the_throttle_accepts_what_the_token_bucket_holds() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            BurstResult result = Bursts.fire(stack, THOUSAND_IN_A_SECOND);

            // Arrivals are 1 ms apart (request i at i ms). The bucket starts full with 50 tokens and gains 0.1
            // per millisecond. Requests 0..54 are accepted (before request t, 50 + 0.1 t - t >= 1 holds up to
            // t = 54); from then on one token accrues every 10 ms, taken at t = 60, 70, ..., 990: 94 more. The
            // next would be at t = 1000, after the last arrival (t = 999). 55 + 94 = 149.
            assertThat(result.total()).isEqualTo(1000);
            assertThat(result.accepted()).isEqualTo(149);
            assertThat(result.throttled()).isEqualTo(851);
            assertThat(result.failed()).isZero();
            assertThat(result.countsByStatus()).containsExactly(Map.entry(200, 149), Map.entry(429, 851));
            assertThat(result.requests()).extracting(BurstRequest::n).startsWith(0L, 1L, 2L).endsWith(999L);
            assertThat(result.requests()).allSatisfy(request -> assertThat(request.requestId()).isNotBlank());
            // The answers come without the clock moving: latency is zero on a manual clock. (An answer that takes
            // longer than the settle time of wall time, on a loaded machine, is stamped when the burst has moved on
            // by an arrival or a few: docs/architecture.md, BU1. The median stays zero.)
            assertThat(result.latencyPercentile(50)).isZero();
            assertThat(result.elapsed()).isEqualTo(Duration.ofMillis(999));
            assertThat(result.toString()).matches("burst POST /orders on shop: 1000 requests, 149 accepted, 851"
                    + " throttled, 0 failed; statuses \\{200=149, 429=851\\}; latency p50 0ms, p99 \\d+ms, max \\d+ms;"
                    + " elapsed 999ms");
            // The queue holds exactly the accepted bodies.
            assertThat(stack.queue("orders").depth()).isEqualTo(new QueueDepth(149, 0, 0));
        }
    }

    @Test
    void a_burst_on_a_manual_clock_throttles_the_same_every_run() {
        List<Integer> first;
        List<Integer> second;
        try (Stack stack = ShopStacks.shop(7).start()) {
            first = statuses(Bursts.fire(stack, THOUSAND_IN_A_SECOND));
        }
        try (Stack stack = ShopStacks.shop(7).start()) {
            second = statuses(Bursts.fire(stack, THOUSAND_IN_A_SECOND));
        }
        assertThat(second).isEqualTo(first);
        assertThat(first).filteredOn(status -> status == 429).hasSize(851);
    }

    @Test
    void a_slow_way_to_the_throttle_does_not_change_what_it_decides() {
        BurstSpec spec = BurstSpec.api("shop", "POST /orders").withRequests(30, Duration.ofMillis(30))
                .withBody("{\"id\":\"${n}\"}");
        StackConfig tight = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withQueue(QueueSpec.named("orders"))
                .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.sqs("orders"))
                        .withThrottle(100, 10));
        // Each request to the API reaches API Gateway 150 ms of wall time late, past the burst's settle time, as
        // on a machine too busy to serve it at once; the clock stands still meanwhile.
        Interceptor late = (call, next) -> call.service() != AwsService.APIGATEWAY ? next.proceed(call)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS))
                        .thenCompose(nothing -> next.proceed(call));
        List<Integer> prompt;
        List<Integer> slow;
        try (Stack stack = tight.start()) {
            prompt = statuses(Bursts.fire(stack, spec));
        }
        try (Stack stack = tight.withInterceptor(late).start()) {
            slow = statuses(Bursts.fire(stack, spec));
        }

        assertThat(slow).isEqualTo(prompt);
        assertThat(prompt).contains(200, 429);
    }

    @Test
    void a_thousand_requests_over_ten_minutes_run_on_the_manual_clock_without_waiting_for_it() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            long wallStart = System.nanoTime();
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "POST /orders")
                    .withRequests(1000, Duration.ofMinutes(10)).withBody("{\"id\":\"${n}\"}"));
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
            System.out.println("1,000 requests over 10 virtual minutes took " + wallMillis + " ms of wall time: "
                    + result);

            // 600 ms apart, far under the 100/s throttle: every request is accepted.
            assertThat(result.accepted()).isEqualTo(1000);
            assertThat(result.requests().get(999).sentAt())
                    .isEqualTo(result.requests().get(0).sentAt().plus(Duration.ofMillis(599_400)));
            assertThat(stack.clock().now()).isEqualTo(result.requests().get(999).sentAt());
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1000);
        }
    }

    @Test
    void a_rate_for_a_duration_sends_rate_times_duration_requests() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "POST /orders")
                    .withRate(40, Duration.ofSeconds(3)).withBody("order ${seq}"));

            // 40/s is under the 100/s throttle, so all 120 are accepted, 25 ms apart.
            assertThat(result.total()).isEqualTo(120);
            assertThat(result.accepted()).isEqualTo(120);
            assertThat(Duration.between(result.requests().get(0).sentAt(), result.requests().get(1).sentAt()))
                    .isEqualTo(Duration.ofMillis(25));
        }
    }

    @Test
    void a_request_the_integration_refuses_counts_as_failed() {
        try (Stack stack = ShopStacks.shop(7).start()) {
            // SQS refuses an empty message body, and the integration answers SQS's 400.
            BurstResult result = Bursts.fire(stack, BurstSpec.api("shop", "POST /orders")
                    .withRequests(3, Duration.ofSeconds(1)));

            assertThat(result.failed()).isEqualTo(3);
            assertThat(result.countsByStatus()).containsExactly(Map.entry(400, 3));
        }
    }

    @Test
    void a_queue_burst_counts_sqs_throttling_errors_as_throttled() {
        // Every SendMessage after the first 3 answers SQS's throttling error, RequestThrottled (400).
        FaultInjector faults = new FaultInjector(FaultPlan.of(
                FaultRule.throttle(AwsService.SQS, "SendMessage").withAfter(3)));
        try (Stack stack = ShopStacks.shop(7).withInterceptor(faults).start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.queue("orders")
                    .withRequests(10, Duration.ofSeconds(1)).withBody("order ${n}"));

            assertThat(result.accepted()).isEqualTo(3);
            assertThat(result.throttled()).isEqualTo(7);
            assertThat(result.failed()).isZero();
            assertThat(result.countsByStatus()).containsExactly(Map.entry(200, 3), Map.entry(400, 7));
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(3);
        }
    }

    private static List<Integer> statuses(BurstResult result) {
        return result.requests().stream().map(BurstRequest::status).toList();
    }
}
