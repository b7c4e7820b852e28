package dev.simstack.junit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Provided;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Reset;
import dev.simstack.junit.Scope;
import dev.simstack.junit.SimStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code @SimStack} on jqwik containers: one stack per container, reset before each try, groups share it. */
class PropertyLifecycleTest {

    static final List<Stack> SEEN = new CopyOnWriteArrayList<>();
    static final Map<String, Stack> BY_PROPERTY = new ConcurrentHashMap<>();

    @Test
    void each_try_starts_from_the_declared_state() {
        SEEN.clear();
        Kit.assertPassed(Kit.runOnJqwik(SendsEachTry.class), 1);
        assertThat(SEEN).hasSize(50);
    }

    @Test
    void one_stack_serves_every_try_of_a_container_and_closes_after_it() {
        SEEN.clear();
        Kit.assertPassed(Kit.runOnJqwik(TwoProperties.class), 3);
        assertThat(SEEN).hasSize(2 * 10 + 1).allMatch(stack -> stack == SEEN.get(0));
        assertThat(SEEN.get(0).isRunning()).isFalse();
    }

    @Test
    void reset_never_keeps_state_across_tries() {
        KeepsState.SENT.clear();
        Kit.assertPassed(Kit.runOnJqwik(KeepsState.class), 1);
        assertThat(KeepsState.SENT).hasSize(10);
    }

    @Test
    void groups_use_the_enclosing_stack_unless_they_declare_their_own() {
        BY_PROPERTY.clear();
        Kit.assertPassed(Kit.runOnJqwik(Outer.class), 3);
        assertThat(BY_PROPERTY.get("inner")).isSameAs(BY_PROPERTY.get("outer"));
        assertThat(BY_PROPERTY.get("own")).isNotSameAs(BY_PROPERTY.get("outer"));
        assertThat(BY_PROPERTY.values()).noneMatch(Stack::isRunning);
    }

    @Test
    void before_try_methods_see_the_stack_after_its_reset() {
        Kit.assertPassed(Kit.runOnJqwik(PreparesEachTry.class), 1);
    }

    @Test
    void suite_scope_shares_one_stack_between_containers_with_the_same_declaration() {
        BY_PROPERTY.clear();
        Kit.assertPassed(Kit.runOnJqwik(SuiteA.class, SuiteB.class, OwnStack.class), 3);
        assertThat(BY_PROPERTY.get("a")).isSameAs(BY_PROPERTY.get("b"));
        assertThat(BY_PROPERTY.get("separate")).isNotSameAs(BY_PROPERTY.get("a"));
        assertThat(BY_PROPERTY.values()).noneMatch(Stack::isRunning);
    }

    @Test
    void constructors_lifecycle_methods_and_fields_get_the_container_stack() {
        Kit.assertPassed(Kit.runOnJqwik(InjectedEverywhere.class), 1);
    }

    @Test
    void a_container_without_simstack_is_left_alone() {
        Kit.assertPassed(Kit.runOnJqwik(Plain.class), 1);
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class SendsEachTry {
        @Property(tries = 50, seed = "12")
        void the_queue_holds_what_this_try_sent(@ForAll @Size(max = 5) List<@AlphaChars @StringLength(min = 1,
                max = 8) String> bodies, SqsClient sqs, @QueueUrl("orders") String orders, QueueHandle queue,
                Stack stack) {
            SEEN.add(stack);
            bodies.forEach(body -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody(body)));

            assertThat(queue.depth().visible()).isEqualTo(bodies.size());
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class TwoProperties {
        @Provided
        Stack provided;

        @Property(tries = 10)
        void first(@ForAll int any, Stack stack) {
            SEEN.add(stack);
        }

        @Property(tries = 10)
        void second(@ForAll int any, Stack stack) {
            SEEN.add(stack);
        }

        @Example
        void fields_are_filled_too() {
            SEEN.add(provided);
        }
    }

    @SimStack(queues = @Queue(name = "orders"), reset = Reset.NEVER)
    static class KeepsState {
        static final List<String> SENT = new CopyOnWriteArrayList<>();

        @Property(tries = 10, seed = "3")
        void the_queue_keeps_what_earlier_tries_sent(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String body,
                SqsClient sqs, @QueueUrl("orders") String orders, QueueHandle queue) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody(body));
            SENT.add(body);

            assertThat(queue.depth().visible()).isEqualTo(SENT.size());
        }
    }

    @SimStack(queues = @Queue(name = "outer"))
    static class Outer {
        @Example
        void outer(Stack stack) {
            BY_PROPERTY.put("outer", stack);
        }

        @Group
        class Inner {
            @Property(tries = 3)
            void inner(@ForAll int any, Stack stack) {
                BY_PROPERTY.put("inner", stack);
                assertThat(stack.queue("outer").url()).endsWith("/outer");
            }
        }

        @Group
        @SimStack(queues = @Queue(name = "own"))
        class WithItsOwn {
            @Example
            void own(Stack stack) {
                BY_PROPERTY.put("own", stack);
                assertThat(stack.queue("own").url()).endsWith("/own");
            }
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class PreparesEachTry {
        @BeforeTry
        void sendTheFirst(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("first"));
        }

        @Property(tries = 5)
        void the_queue_holds_the_first_and_this_one(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String body,
                SqsClient sqs, Stack stack) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody(body));

            assertThat(stack.queue("orders").depth().visible()).isEqualTo(2);
        }
    }

    @SimStack(queues = @Queue(name = "shared"), scope = Scope.SUITE)
    static class SuiteA {
        @Example
        void a(Stack stack) {
            BY_PROPERTY.put("a", stack);
        }
    }

    @SimStack(queues = @Queue(name = "shared"), scope = Scope.SUITE)
    static class SuiteB {
        @Example
        void b(Stack stack) {
            BY_PROPERTY.put("b", stack);
        }
    }

    @SimStack(queues = @Queue(name = "shared"))
    static class OwnStack {
        @Example
        void separate(Stack stack) {
            BY_PROPERTY.put("separate", stack);
        }
    }

    @SimStack
    static class InjectedEverywhere {
        @Provided
        static Stack inStaticField;
        static Stack beforeContainer;
        final Stack inConstructor;
        Stack beforeProperty;

        InjectedEverywhere(Stack stack) {
            inConstructor = stack;
        }

        @BeforeContainer
        static void beforeContainer() {
            beforeContainer = inStaticField;
        }

        @BeforeProperty
        void beforeProperty(Stack stack) {
            beforeProperty = stack;
        }

        @Example
        void all_the_same(Stack stack) {
            assertThat(List.of(beforeContainer, inConstructor, beforeProperty)).containsOnly(stack);
        }
    }

    static void sendOneAndExpectDepth(Stack stack, SqsClient sqs, int depth) {
        sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("order"));
        assertThat(stack.queue("orders").depth().visible()).isEqualTo(depth);
    }

    static class Plain {
        @Property(tries = 5)
        void runs_without_a_stack(@ForAll int any) {
            assertThat(any).isEqualTo(any);
        }
    }
}
