package dev.simstack.junit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A class with Jupiter {@code @Test} methods and jqwik {@code @Property} methods: the platform runs it through
 * both engines, one after the other. Each engine runs only its own methods, on a stack of its own built from the
 * same declaration, closed when that engine is done with the class; Jupiter's lifecycle methods do not run
 * around properties (jqwik's {@code @BeforeTry} and friends do).
 */
class MixedEnginesTest {

    static final Map<String, Stack> BY_ENGINE = new ConcurrentHashMap<>();
    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @Test
    void each_engine_runs_its_own_methods_on_a_stack_of_its_own() {
        BY_ENGINE.clear();
        RAN.clear();
        Kit.assertPassed(Kit.run(TestsAndProperties.class), 1);
        Kit.assertPassed(Kit.runOnJqwik(TestsAndProperties.class), 1);

        assertThat(RAN).containsExactly("beforeEach", "test", "property", "property", "property");
        assertThat(BY_ENGINE.get("jupiter")).isNotSameAs(BY_ENGINE.get("jqwik"));
        assertThat(BY_ENGINE.get("jqwik").queue("orders").url()).endsWith("/orders");
        assertThat(BY_ENGINE.values()).noneMatch(Stack::isRunning);
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class TestsAndProperties {
        @BeforeEach
        void beforeEach() {
            RAN.add("beforeEach");
        }

        @Test
        void a_test(Stack stack, SqsClient sqs) {
            RAN.add("test");
            BY_ENGINE.put("jupiter", stack);
            PropertyLifecycleTest.sendOneAndExpectDepth(stack, sqs, 1);
        }

        @Property(tries = 3)
        void a_property(@ForAll int any, Stack stack, SqsClient sqs) {
            RAN.add("property");
            BY_ENGINE.put("jqwik", stack);
            PropertyLifecycleTest.sendOneAndExpectDepth(stack, sqs, 1);
        }
    }
}
