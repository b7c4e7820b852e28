package dev.simstack.junit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Reset;
import dev.simstack.junit.SimStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.SqsClient;

class LifecycleTest {

    static final List<Stack> SEEN = new CopyOnWriteArrayList<>();
    static final Map<String, Stack> BY_TEST = new ConcurrentHashMap<>();

    @Test
    void one_stack_serves_every_method_of_a_class_and_closes_after_it() {
        SEEN.clear();
        Kit.assertPassed(Kit.run(ThreeMethods.class), 3);
        assertThat(SEEN).hasSize(4).allMatch(stack -> stack == SEEN.get(0));
        assertThat(SEEN.get(0).isRunning()).isFalse();
    }

    @Test
    void a_per_class_test_instance_is_built_with_the_stack_before_any_before_all() {
        Kit.assertPassed(Kit.run(PerClassInstance.class), 2);
    }

    @Test
    void injected_clients_are_closed_with_the_stack() {
        Kit.assertPassed(Kit.run(KeepsAClient.class), 1);
        assertThat(KeepsAClient.kept).isNotNull();
        assertThatThrownBy(() -> KeepsAClient.kept.listQueues()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void each_method_starts_from_the_declared_state() {
        Kit.assertPassed(Kit.run(SendsInEachMethod.class), 3);
    }

    @Test
    void reset_never_keeps_state_across_methods() {
        Kit.assertPassed(Kit.run(KeepsState.class), 3);
    }

    @Test
    void nested_classes_use_the_enclosing_stack_unless_they_declare_their_own() {
        SEEN.clear();
        BY_TEST.clear();
        Kit.assertPassed(Kit.run(Outer.class), 3);
        assertThat(BY_TEST.get("inner")).isSameAs(BY_TEST.get("outer"));
        assertThat(BY_TEST.get("own")).isNotSameAs(BY_TEST.get("outer"));
        assertThat(BY_TEST.values()).noneMatch(Stack::isRunning);
    }

    @Test
    void suite_scope_shares_one_stack_between_classes_with_the_same_declaration() {
        BY_TEST.clear();
        Kit.assertPassed(Kit.run(SuiteA.class, SuiteB.class, OwnStack.class), 3);
        assertThat(BY_TEST.get("a")).isSameAs(BY_TEST.get("b"));
        assertThat(BY_TEST.get("separate")).isNotSameAs(BY_TEST.get("a"));
        assertThat(BY_TEST.values()).noneMatch(Stack::isRunning);
    }

    @Test
    void a_composed_annotation_declares_the_stack() {
        Kit.assertPassed(Kit.run(WithComposedAnnotation.class), 1);
    }

    @SimStack
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ThreeMethods {
        @BeforeAll
        static void before(Stack stack) {
            SEEN.add(stack);
        }

        @Test
        void first(Stack stack) {
            SEEN.add(stack);
        }

        @Test
        void second(Stack stack) {
            SEEN.add(stack);
        }

        @Test
        void third(Stack stack) {
            SEEN.add(stack);
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassInstance {
        private final Stack stack;
        private final SqsClient sqs;

        PerClassInstance(Stack stack, SqsClient sqs) {
            this.stack = stack;
            this.sqs = sqs;
        }

        @Test
        @Order(1)
        void first() {
            sendOneAndExpectDepth(stack, sqs, 1);
        }

        @Test
        @Order(2)
        void second() {
            sendOneAndExpectDepth(stack, sqs, 1);
        }
    }

    @SimStack
    static class KeepsAClient {
        static SqsClient kept;

        @Test
        void keeps(SqsClient sqs) {
            kept = sqs;
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class SendsInEachMethod {
        @Test
        void a(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 1);
        }

        @Test
        void b(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 1);
        }

        @Test
        void c(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 1);
        }
    }

    @SimStack(queues = @Queue(name = "orders"), reset = Reset.NEVER)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeepsState {
        @Test
        @Order(1)
        void a(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 1);
        }

        @Test
        @Order(2)
        void b(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 2);
        }

        @Test
        @Order(3)
        void c(Stack stack, SqsClient sqs) {
            sendOneAndExpectDepth(stack, sqs, 3);
        }
    }

    static void sendOneAndExpectDepth(Stack stack, SqsClient sqs, int depth) {
        sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("order"));
        assertThat(stack.queue("orders").depth().visible()).isEqualTo(depth);
    }

    @SimStack(queues = @Queue(name = "outer"))
    static class Outer {
        @Test
        void outer(Stack stack) {
            BY_TEST.put("outer", stack);
        }

        @Nested
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class Inner {
            @Test
            void inner(Stack stack) {
                BY_TEST.put(new Object() { }.getClass().getEnclosingMethod().getName(), stack);
                assertThat(stack.queue("outer").url()).contains("/outer");
            }
        }

        @Nested
        @SimStack(queues = @Queue(name = "own"))
        class WithItsOwn {
            @Test
            void own(Stack stack) {
                BY_TEST.put(new Object() { }.getClass().getEnclosingMethod().getName(), stack);
                assertThat(stack.queue("own").url()).contains("/own");
            }
        }
    }

    @SimStack(queues = @Queue(name = "shared"), scope = dev.simstack.junit.Scope.SUITE)
    static class SuiteA {
        @Test
        void a(Stack stack) {
            BY_TEST.put("a", stack);
        }
    }

    @SimStack(queues = @Queue(name = "shared"), scope = dev.simstack.junit.Scope.SUITE)
    static class SuiteB {
        @Test
        void b(Stack stack) {
            BY_TEST.put("b", stack);
        }
    }

    @SimStack(queues = @Queue(name = "shared"))
    static class OwnStack {
        @Test
        void separate(Stack stack) {
            BY_TEST.put("separate", stack);
        }

        @AfterAll
        static void after() {
        }
    }

    @OrdersStack
    static class WithComposedAnnotation {
        @Test
        void hasTheQueue(Stack stack) {
            assertThat(stack.queue("orders").url()).endsWith("/orders");
        }
    }
}
