package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.SimRandom;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/** When a rule acts: every Nth match, a window of the stack's clock, and delays drawn from a distribution. */
class FaultWhenTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(FaultPlan plan, ClockSpec clock) {
        Stack stack = StackConfig.defaults().withSeed(3).withClock(clock).withInterceptor(new FaultInjector(plan))
                .start();
        open.add(stack);
        return stack;
    }

    private SqsClient sqs(Stack stack) {
        SqsClient client = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        open.add(client);
        return client;
    }

    private static String send(SqsClient sqs, String queue, String body) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
            return "ok";
        } catch (RequestThrottledException e) {
            return "throttled";
        }
    }

    @Test
    void every_third_call_from_the_third_is_faulted() {
        Stack stack = start(FaultPlan.of(FaultRule.throttle(AwsService.SQS, "SendMessage").withAfter(1)
                .withEvery(3)), ClockSpec.real());
        SqsClient sqs = sqs(stack);
        String queue = sqs.createQueue(b -> b.queueName("orders")).queueUrl();

        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            outcomes.add(send(sqs, queue, "m" + i));
        }

        // The first call passes (after 1); of the rest, every third is faulted: calls 4 and 7.
        assertThat(outcomes).containsExactly("ok", "ok", "ok", "throttled", "ok", "ok", "throttled", "ok");
    }

    @Test
    void a_window_on_the_stacks_clock_opens_and_closes_from_when_the_plan_is_applied() {
        Stack stack = start(FaultPlan.parse("""
                faults:
                  - {service: sqs, operation: SendMessage, error: throttle, from: 10s, duration: 5s}
                """, "plan.yaml"), ClockSpec.manual());
        SqsClient sqs = sqs(stack);
        String queue = sqs.createQueue(b -> b.queueName("orders")).queueUrl();

        String before = send(sqs, queue, "a");
        stack.clock().advance(Duration.ofSeconds(10));
        String opened = send(sqs, queue, "b");
        stack.clock().advance(Duration.ofMillis(4_999));
        String stillOpen = send(sqs, queue, "c");
        stack.clock().advance(Duration.ofMillis(1));
        String closed = send(sqs, queue, "d");

        assertThat(List.of(before, opened, stillOpen, closed)).containsExactly("ok", "throttled", "throttled", "ok");
    }

    @Test
    void a_drawn_delay_holds_the_call_on_the_stacks_clock_for_the_draw_of_its_resources_stream() throws Exception {
        LatencyDistribution delays = LatencyDistribution.uniform(Duration.ofSeconds(1), Duration.ofSeconds(3));
        FaultInjector injector = new FaultInjector(FaultPlan.of(
                FaultRule.latency(AwsService.SQS, "SendMessage", delays)));
        Stack stack = StackConfig.defaults().withSeed(3).withClock(ClockSpec.manual()).withInterceptor(injector)
                .start();
        open.add(stack);
        SqsClient sqs = sqs(stack);
        String queue = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        // The rule's stream for the queue, derived as the injector derives it: rule 0, key "orders".
        Duration expected = delays.draw(new FaultContext(stack, 3, 0).random("orders"));

        CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> send(sqs, queue, "a"));
        Awaitility.await().until(() -> injector.injected(0) == 1);
        stack.clock().advance(expected.minusMillis(1));
        assertThat(sent).isNotDone();
        stack.clock().advance(Duration.ofMillis(1));

        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(expected).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).filteredOn(r -> r.fault() != null)
                .singleElement().satisfies(r -> assertThat(r.latency()).isEqualTo(expected));
    }

    @Test
    void percentiles_interpolate_between_their_points() {
        LatencyDistribution delays = LatencyDistribution.percentiles(Map.of(50.0, Duration.ofMillis(20),
                99.0, Duration.ofMillis(400)));
        SimRandom random = new SimRandom(11);
        List<Long> drawn = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            drawn.add(delays.draw(random).toMillis());
        }

        assertThat(drawn.stream().filter(ms -> ms <= 20).count()).isBetween(4_800L, 5_200L);
        assertThat(drawn.stream().filter(ms -> ms < 400).count()).isBetween(9_850L, 9_950L);
        assertThat(drawn).allSatisfy(ms -> assertThat(ms).isBetween(0L, 400L));
        assertThat(delays).hasToString("p50 20ms, p99 400ms");
        assertThat(LatencyDistribution.uniform(Duration.ofMillis(10), Duration.ofMillis(50)).draw(new SimRandom(1)))
                .isBetween(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    @Test
    void plans_read_the_when_fields_wire_faults_and_distributions_and_print_them() {
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {name: flaky, service: dynamodb, operation: GetItem, wire: reset, after: 2, every: 3, times: 4}
                  - {name: slow, service: sqs, latency: {p50: 20ms, p99: 400ms}, from: 5s, until: 30s}
                  - {name: cut, service: s3, wire: truncate, latency: {min: 10ms, max: 50ms}, after: 10s}
                  - {name: old, service: s3, latency: 250ms, probability: 0.5, times: 3}
                """, "plan.yaml");

        assertThat(plan).hasToString("""
                FaultPlan:
                  - flaky: dynamodb.GetItem, reset, after 2, every 3rd, at most 4x
                  - slow: sqs.*, delay p50 20ms, p99 400ms, from 5000ms until 30000ms
                  - cut: s3.*, delay uniform 10ms..50ms, truncate, from 10000ms
                  - old: s3.*, delay 250 ms, p=0.5, at most 3x""");
        assertThat(plan.rules().get(0)).isEqualTo(new FaultRule("flaky", AwsService.DYNAMODB, java.util.Set.of(
                "GetItem"), null, null, null, Duration.ZERO, 1, 2, 4, WireFault.RESET, null, 3, null, null));
        assertThat(plan.rules().get(1).until()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void plans_say_what_is_wrong_with_their_when_and_wire_fields() {
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, wire: cut}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 'rule 1': wire fault 'cut' is not one of reset, drop, truncate");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, wire: reset, error: throttle}\n",
                "p.yaml")).hasMessage("p.yaml: fault rule 'rule 1': a reset answers nothing, so it cannot answer "
                        + "RequestThrottled too; give one of them");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, wire: drop, from: 5s, until: 2s}\n",
                "p.yaml")).hasMessage("p.yaml: fault rule 'rule 1': its window must start at or after 0 and end "
                        + "after it starts, got from PT5S until PT2S");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, latency: {p50: 2s, p90: 1s}}\n",
                "p.yaml")).hasMessage("p.yaml: fault rule 'rule 1': percentile p90 is shorter than a lower "
                        + "percentile; delays must grow with percentiles");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, latency: {mean: 2s}}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 'rule 1': latency field 'mean' is neither min/max nor a percentile "
                        + "like p50 or p99.9");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, wire: drop, from: soon}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 'rule 1': from 'soon' is not a duration like 250ms, 2s, 1m or PT0.25S");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {service: sqs, wire: drop, evry: 2}\n", "p.yaml"))
                .hasMessageContaining("unknown field 'evry'; a rule has [after, duration, error, every, from,");
    }
}
