package dev.simstack.junit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Reset;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Throttle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Fault annotations on a class, a method, a composed annotation: each test runs with its class's faults followed
 * by its method's, counted from a fresh start, and a failing test prints the plan beside its seed.
 */
class FaultAnnotationsTest {

    @Test
    void class_and_method_faults_apply_to_each_test_from_a_fresh_count() {
        Kit.assertPassed(Kit.run(ThrottledClass.class), 3);
    }

    @Test
    void a_composed_annotation_declares_the_faults_it_carries() {
        Kit.assertPassed(Kit.run(ComposedFaults.class), 1);
    }

    @Test
    void a_failing_test_prints_the_faults_it_ran_with() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Kit.run(FailsUnderFaults.class);
        } finally {
            System.setErr(original);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SimStack: FailsUnderFaults.fails ran with faults:"
                + " FaultPlan:\n  - @Throttle sqs.SendMessage on orders: sqs.SendMessage on orders,"
                + " fail RequestThrottled (400), at most 1x");
    }

    @Test
    void faults_on_a_stack_that_is_never_reset_are_refused() {
        EngineExecutionResults results = Kit.run(NeverReset.class);

        assertThat(Kit.failureMessages(results)).containsExactly("NeverReset.sends declares faults on a stack with"
                + " reset = Reset.NEVER, whose tests share its state and may run together, so faults cannot be scoped"
                + " to one test: use Reset.BEFORE_EACH, or apply a FaultInjector from a StackDefinition");
    }

    /** Counts the stack's faulted SendMessage requests. */
    static long faultedSends(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.service() == AwsService.SQS && r.operation().equals("SendMessage"))
                .filter(r -> r.fault() != null).count();
    }

    /** Counts the stack's SendMessage requests. */
    static long sends(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.service() == AwsService.SQS && r.operation().equals("SendMessage")).count();
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    @Throttle(service = "sqs", operation = "SendMessage", resource = "orders", times = 1)
    static class ThrottledClass {

        @Test
        void the_class_throttle_is_retried_by_the_sdk(Stack stack, SqsClient sqs) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("a"));

            assertThat(faultedSends(stack)).isEqualTo(1);
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1);
        }

        @Test
        void each_test_counts_its_faults_afresh(Stack stack, SqsClient sqs) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("a"));
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("b"));

            assertThat(faultedSends(stack)).isEqualTo(1);
        }

        @Test
        @Throttle(service = "sqs", operation = "SendMessage")
        void method_faults_follow_the_class_faults(Stack stack, SqsClient sqs) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("a")))
                    .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("RequestThrottled"));

            assertThat(stack.queue("orders").depth().visible()).isZero();
            // The first attempt by the class's throttle, the SDK's retries (as many as its retry policy makes) by
            // the method's.
            assertThat(faultedSends(stack)).isEqualTo(sends(stack)).isGreaterThan(1);
        }
    }

    /** A team's own annotation, carrying a fault annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Throttle(service = "sqs", operation = "SendMessage", times = 2)
    @interface FlakySends {
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class ComposedFaults {

        @Test
        @FlakySends
        void the_composed_annotation_throttles_twice(Stack stack, SqsClient sqs) {
            sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("a"));

            assertThat(faultedSends(stack)).isEqualTo(2);
        }
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class FailsUnderFaults {

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", resource = "orders", times = 1)
        void fails() {
            assertThat(List.of()).isNotEmpty();
        }
    }

    @SimStack(queues = @Queue(name = "orders"), reset = Reset.NEVER)
    static class NeverReset {

        @Test
        @Throttle(service = "sqs")
        void sends() {
        }
    }
}
