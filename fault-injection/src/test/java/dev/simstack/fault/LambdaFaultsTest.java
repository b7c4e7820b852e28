package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Lambda faults as values: what they pick, how plan files name them, how a printed plan shows them. */
class LambdaFaultsTest {

    private static final ResourceRef WORKER = ResourceRef.function("us-east-1", "000000000000", "worker");
    private static final ResourceRef OTHER = ResourceRef.function("us-east-1", "000000000000", "other");
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static LambdaHook hook(SemanticFault fault, long seed) {
        return (LambdaHook) fault.activate(new FaultContext(stack, seed, 0));
    }

    private static byte[] sqsEvent(String body) {
        return ("{\"Records\":[{\"messageId\":\"m\",\"body\":" + "\"" + body.replace("\"", "\\\"") + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_crash_picks_the_nth_matching_invocation_of_its_function_only() {
        LambdaHook crash = hook(CrashAfterEffect.on("worker").withNth(2), 1);

        assertThat(crash.crashesAfterEffect(OTHER, sqsEvent("a"))).isFalse();
        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("a"))).isFalse();
        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("b"))).isTrue();
        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("c"))).isFalse();
    }

    @Test
    void a_body_matcher_reads_the_records_bodies_not_their_escaped_json() {
        LambdaHook crash = hook(CrashAfterEffect.on("worker").withBodyMatching("\"orderId\":\"o-2\"").withTimes(1), 1);

        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("{\"orderId\":\"o-1\"}"))).isFalse();
        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("{\"orderId\":\"o-2\"}"))).isTrue();
        assertThat(crash.crashesAfterEffect(WORKER, sqsEvent("{\"orderId\":\"o-2\"}"))).as("at most once").isFalse();
    }

    @Test
    void the_same_seed_picks_the_same_invocations() {
        List<Boolean> first = new ArrayList<>();
        List<Boolean> second = new ArrayList<>();
        LambdaHook one = hook(CrashAfterEffect.on("worker").withProbability(0.5), 42);
        LambdaHook two = hook(CrashAfterEffect.on("worker").withProbability(0.5), 42);
        for (int i = 0; i < 32; i++) {
            first.add(one.crashesAfterEffect(WORKER, sqsEvent("x")));
            two.crashesAfterEffect(OTHER, sqsEvent("x")); // other functions' traffic does not shift the draws
            second.add(two.crashesAfterEffect(WORKER, sqsEvent("x")));
        }

        assertThat(first).isEqualTo(second).contains(true, false);
    }

    @Test
    void a_forced_timeout_holds_the_handler_past_the_functions_timeout() {
        LambdaHook forced = hook(HandlerTimeout.forced("worker").withTimes(1), 1);
        LambdaHook delayed = hook(HandlerTimeout.delayed("worker", Duration.ofSeconds(2)), 1);

        assertThat(forced.handlerDelay(WORKER, Duration.ofSeconds(3), new byte[0])).isEqualTo(Duration.ofMillis(3001));
        assertThat(forced.handlerDelay(WORKER, Duration.ofSeconds(3), new byte[0])).isZero();
        assertThat(delayed.handlerDelay(WORKER, Duration.ofSeconds(3), new byte[0])).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void cold_starts_are_forced_on_the_next_invocations_only() {
        LambdaHook cold = hook(ColdStarts.next("worker", 2).withInitDelay(Duration.ofSeconds(1)), 1);

        assertThat(cold.forcedColdStart(OTHER)).isEmpty();
        assertThat(cold.forcedColdStart(WORKER)).contains(Duration.ofSeconds(1));
        assertThat(cold.forcedColdStart(WORKER)).contains(Duration.ofSeconds(1));
        assertThat(cold.forcedColdStart(WORKER)).isEqualTo(Optional.empty());
    }

    @Test
    void a_throttle_lowers_the_concurrency_in_its_window_on_the_stacks_clock() {
        Stack manual = StackConfig.defaults().withSeed(1).withClock(dev.simstack.core.ClockSpec.manual()).start();
        try {
            LambdaHook throttle = (LambdaHook) LambdaThrottle.at("worker", 1)
                    .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(5)).activate(new FaultContext(manual, 1, 0));

            assertThat(throttle.concurrencyLimit(WORKER)).isEmpty();
            manual.clock().advance(Duration.ofSeconds(10));
            assertThat(throttle.concurrencyLimit(WORKER)).isEqualTo(OptionalInt.of(1));
            assertThat(throttle.concurrencyLimit(OTHER)).isEmpty();
            manual.clock().advance(Duration.ofSeconds(5));
            assertThat(throttle.concurrencyLimit(WORKER)).isEmpty();
        } finally {
            manual.close();
        }
    }

    @Test
    void plan_files_name_the_lambda_kinds_and_print_them() {
        // docs:lambda-yaml-start
        FaultPlan plan = FaultPlan.parse("""
                faults:
                  - {name: crash, kind: crash-after-effect, function: worker, times: 1, bodyMatches: "o-2"}
                  - {name: stuck, kind: handler-timeout, function: worker, nth: 3}
                  - {name: slow, kind: handler-timeout, function: worker, delay: 500ms, probability: 0.1}
                  - {name: cold, kind: cold-starts, function: worker, count: 2, initDelay: 2s}
                  - {name: starved, kind: lambda-throttle, function: worker, after: 10s, duration: 1m}
                """, "lambda.yaml");
        // docs:lambda-yaml-end

        assertThat(plan.semanticFaults()).extracting(SemanticFault::name)
                .containsExactly("crash", "stuck", "slow", "cold", "starved");
        assertThat(plan.semanticFaults()).extracting(Object::toString).containsExactly(
                "crash: crash after the handler's effects on worker, body ~ /o-2/, at most 1x (Runtime.ExitError)",
                "stuck: time out on worker, invocation #3",
                "slow: hold the handler 500 ms on worker, p=0.1",
                "cold: the next 2 invocations of worker start cold, init 2000 ms",
                "starved: reserved concurrency 0 for worker after 10000 ms for 60000 ms");
    }

    @Test
    void a_lambda_kind_refuses_fields_it_does_not_have_naming_those_it_has() {
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {name: c, kind: crash-after-effect, function: worker,"
                + " after: 3}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 'c': unknown field 'after'; kind crash-after-effect has [bodyMatches,"
                        + " function, kind, name, nth, probability, times]");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {name: t, kind: lambda-throttle, rate: 3}\n", "p.yaml"))
                .hasMessage("p.yaml: fault rule 't': unknown field 'rate'; kind lambda-throttle has [after, duration,"
                        + " function, kind, name, reservedConcurrency]");
        assertThatThrownBy(() -> FaultPlan.parse("faults:\n  - {kind: lambda-crash}\n", "p.yaml"))
                .hasMessageContaining("kind 'lambda-crash' is not one of [").hasMessageContaining("crash-after-effect");
    }
}
