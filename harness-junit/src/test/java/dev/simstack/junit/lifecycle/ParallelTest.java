package dev.simstack.junit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Classes and methods run in JUnit's parallel mode: each class its own stack and port, no cross-talk. */
class ParallelTest {

    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    @Test
    void parallel_classes_get_their_own_stacks_and_methods_take_turns_on_theirs() {
        PORTS.clear();
        Kit.assertPassed(Kit.runInParallel(A.class, B.class, C.class, D.class), 12);
        assertThat(Set.copyOf(PORTS.values())).hasSize(4);
    }

    static void sendsAlone(String owner, Stack stack, SqsClient sqs) {
        PORTS.put(owner, stack.port());
        String url = stack.queue("orders").url();
        for (int i = 0; i < 25; i++) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(owner));
        }
        // Reset before each method and turns per stack: only this method's messages are there.
        assertThat(stack.queue("orders").depth().visible()).isEqualTo(25);
        assertThat(stack.queue("orders").peek()).allMatch(m -> m.body().equals(owner));
    }

    /** Each subclass inherits the declaration (@SimStack is @Inherited) and gets a stack of its own. */
    @SimStack(queues = @Queue(name = "orders"))
    static class A {
        @Test
        void one(Stack stack, SqsClient sqs) {
            sendsAlone(getClass().getSimpleName(), stack, sqs);
        }

        @Test
        void two(Stack stack, SqsClient sqs) {
            sendsAlone(getClass().getSimpleName(), stack, sqs);
        }

        @Test
        void three(Stack stack, SqsClient sqs) {
            sendsAlone(getClass().getSimpleName(), stack, sqs);
        }
    }

    static class B extends A {
    }

    static class C extends A {
    }

    static class D extends A {
    }
}
