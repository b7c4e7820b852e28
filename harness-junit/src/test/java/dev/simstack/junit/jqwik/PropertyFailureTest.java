package dev.simstack.junit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A failing property on a {@code @SimStack} container: jqwik shrinks it, and the stack's seed is reported. */
class PropertyFailureTest {

    static final Map<Class<?>, PropertyExecutionResult> RESULTS = new ConcurrentHashMap<>();
    static final List<Long> DRAWS = new CopyOnWriteArrayList<>();

    @Test
    void a_failing_property_shrinks_to_the_smallest_sample_that_fails() {
        EngineExecutionResults results = Kit.runOnJqwik(FailsForMoreThanThreeOrders.class);

        results.testEvents().assertStatistics(s -> s.failed(1));
        ShrunkFalsifiedSample shrunk = RESULTS.get(FailsForMoreThanThreeOrders.class).shrunkSample().orElseThrow();
        assertThat((List<?>) shrunk.parameters().get(0)).hasSize(4);
        // The shrunk try saw exactly its own 4 messages: the stack was reset before every try, shrinking's too.
        assertThat(Kit.failureMessages(results)).singleElement().asString()
                .contains("Expecting actual:\n  4\nto be less than or equal to:\n  3");
    }

    @Test
    void a_failing_property_prints_and_publishes_the_stack_seed() {
        String[] printed = new String[1];
        EngineExecutionResults results = Kit.capturingErr(() -> Kit.runOnJqwik(FailsForMoreThanThreeOrders.class),
                printed);

        assertThat(printed[0]).contains("SimStack: FailsForMoreThanThreeOrders.at_most_three_orders failed on a stack"
                + " with seed 42; replay it with -Dsimstack.seed=42 or @SimStack(seed = 42)");
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .map(entry -> entry.getKeyValuePairs().get("simstack.seed")))
                .contains("42");
    }

    @Test
    void a_passing_property_reports_no_seed() {
        String[] printed = new String[1];
        Kit.assertPassed(Kit.capturingErr(() -> Kit.runOnJqwik(DrawsFromTheStack.class), printed), 1);

        assertThat(printed[0]).doesNotContain("SimStack:");
    }

    @Test
    void the_same_seeds_replay_the_same_random_choices_in_every_try() {
        DRAWS.clear();
        Kit.assertPassed(Kit.runOnJqwik(DrawsFromTheStack.class), 1);
        List<Long> first = List.copyOf(DRAWS);
        DRAWS.clear();
        Kit.assertPassed(Kit.runOnJqwik(DrawsFromTheStack.class), 1);

        assertThat(DRAWS).hasSize(10).isEqualTo(first);
        // Each try restarts the stack's random source from a seed of its own.
        assertThat(first).doesNotHaveDuplicates();
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 42)
    @AddLifecycleHook(value = RecordsTheResult.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
    static class FailsForMoreThanThreeOrders {
        @Property(seed = "7")
        void at_most_three_orders(@ForAll @Size(max = 8) List<@AlphaChars @StringLength(min = 1, max = 3) String> bodies,
                SqsClient sqs, @QueueUrl("orders") String orders, QueueHandle queue) {
            bodies.forEach(body -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody(body)));

            assertThat(queue.depth().visible()).isLessThanOrEqualTo(3);
        }
    }

    @SimStack(seed = 5)
    static class DrawsFromTheStack {
        @Property(tries = 10, seed = "9")
        void draws(@ForAll int any, Stack stack) {
            DRAWS.add(stack.random().nextLong());
        }
    }

    /** Keeps jqwik's own result of each property, shrunk sample included. */
    public static class RecordsTheResult implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            PropertyExecutionResult result = property.execute();
            RESULTS.put(context.containerClass(), result);
            return result;
        }
    }
}
