package dev.simstack.junit.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.StackDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A failing test prints its stack's seed; the same seed replays the same random choices, faults included. */
class SeedTest {

    static final Map<String, List<Long>> DRAWS = new ConcurrentHashMap<>();
    static final Map<String, List<Integer>> STATUSES = new ConcurrentHashMap<>();

    @Test
    void a_failing_test_prints_its_seed_and_publishes_it_as_a_report_entry() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            results = Kit.run(FailsWithSeedSeven.class);
        } finally {
            System.setErr(original);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SimStack: FailsWithSeedSeven.fails failed on a"
                + " stack with seed 7; replay it with -Dsimstack.seed=7 or @SimStack(seed = 7)");
        List<String> entries = new ArrayList<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .forEach(pairs -> entries.add(pairs.get("simstack.seed")));
        assertThat(entries).containsExactly("7");
    }

    @Test
    void a_passing_test_prints_nothing() {
        EngineExecutionResults results = Kit.run(DrawsSeededChoices.class);
        assertThat(results.allEvents().reportingEntryPublished().count()).isZero();
    }

    @Test
    void the_same_seed_replays_the_same_choices() {
        DRAWS.clear();
        Kit.assertPassed(Kit.run(DrawsSeededChoices.class), 2);
        Map<String, List<Long>> first = Map.copyOf(DRAWS);
        DRAWS.clear();
        Kit.assertPassed(Kit.run(DrawsSeededChoices.class), 2);

        assertThat(DRAWS).isEqualTo(first);
        assertThat(first.get("first")).isNotEqualTo(first.get("second"));
    }

    @Test
    void a_method_run_alone_draws_what_it_drew_after_the_others() {
        DRAWS.clear();
        Kit.assertPassed(Kit.run(DrawsSeededChoices.class), 2);
        List<Long> inSequence = DRAWS.get("second");
        DRAWS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectMethod(DrawsSeededChoices.class, "second", Stack.class.getName())).execute();

        assertThat(DRAWS.get("second")).isEqualTo(inSequence);
    }

    @Test
    void the_seed_property_gives_the_seed_of_stacks_without_one() {
        DRAWS.clear();
        System.setProperty(SimStack.SEED_PROPERTY, "1234");
        try {
            Kit.assertPassed(Kit.run(NoSeed.class), 1);
            List<Long> withProperty = DRAWS.get("seed");
            assertThat(withProperty).containsExactly(1234L);
        } finally {
            System.clearProperty(SimStack.SEED_PROPERTY);
        }
        Kit.assertPassed(Kit.run(NoSeed.class), 1);
        assertThat(DRAWS.get("seed")).doesNotContain(1234L);
    }

    @Test
    void faults_drawn_from_the_seed_replay_too() {
        STATUSES.clear();
        Kit.assertPassed(Kit.run(HalfThrottled.class), 1);
        List<Integer> first = List.copyOf(STATUSES.get("statuses"));
        STATUSES.clear();
        Kit.assertPassed(Kit.run(HalfThrottled.class), 1);

        assertThat(STATUSES.get("statuses")).isEqualTo(first);
        assertThat(first).hasSizeGreaterThan(8).contains(200).anyMatch(status -> status != 200);
    }

    @SimStack(seed = 7)
    static class FailsWithSeedSeven {
        @Test
        void fails() {
            throw new AssertionError("boom");
        }
    }

    @SimStack(seed = 42)
    static class DrawsSeededChoices {
        @Test
        void first(Stack stack) {
            DRAWS.put("first", List.of(stack.random().nextLong(), stack.random().nextLong()));
        }

        @Test
        void second(Stack stack) {
            DRAWS.put("second", List.of(stack.random().nextLong(), stack.random().nextLong()));
        }
    }

    @SimStack
    static class NoSeed {
        @Test
        void seed(Stack stack) {
            DRAWS.put("seed", List.of(stack.seed()));
        }
    }

    /** Throttles half of the SendMessage attempts (the SDK retries), chosen by the stack's seed. */
    public static class HalfThrottledSends implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withInterceptor(new FaultInjector(FaultPlan.of(
                    FaultRule.throttle(AwsService.SQS, "SendMessage").withProbability(0.5))));
        }
    }

    @SimStack(seed = 99, queues = @Queue(name = "orders"), definition = HalfThrottledSends.class)
    static class HalfThrottled {
        @Test
        void sends(SqsClient sqs, Stack stack) {
            String url = stack.queue("orders").url();
            for (int i = 0; i < 8; i++) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("m"));
            }
            // Every attempt, the SDK's retries included, as the engine answered it.
            List<Integer> statuses = stack.ledger().entries(LedgerEntry.Request.class).stream()
                    .filter(r -> r.operation().equals("SendMessage")).map(LedgerEntry.Request::status).toList();
            STATUSES.put("statuses", statuses);
        }
    }
}
