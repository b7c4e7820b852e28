package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code eventually()}: on a manual clock the check advances the stack's clock itself, in steps, and says so when
 * it gives up; on a real clock it waits.
 */
class EventuallyTest {

    @Nested
    @SimStack(queues = {@Queue(name = "orders-dlq"),
            @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 1)},
            functions = @Function(name = "worker", handler = PoisonWorker.class, coldStartDelay = "0ms",
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 7)
    class OnAManualClock {

        @Test
        void a_poison_message_reaches_the_dead_letter_queue_while_the_check_retries(Stack stack,
                SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"poison\"}"));

            assertThat(stack).queue("orders").eventually().isEmpty();
            assertThat(stack).queue("orders-dlq").hasDepth(1).containsExactlyBodies("{\"id\":\"poison\"}");
            assertThat(stack).function("worker").hasErrors(1);
        }

        @Test
        void a_check_that_never_holds_says_how_far_it_advanced_the_clock(Stack stack, SqsClient sqs,
                @QueueUrl("orders-dlq") String deadLetters) {
            sqs.sendMessage(b -> b.queueUrl(deadLetters).messageBody("stays"));

            assertThatThrownBy(() -> assertThat(stack).queue("orders-dlq").eventually(Duration.ofSeconds(1)).isEmpty())
                    .hasMessage("""
                            Not true in time: the check advanced the stack's manual clock by 1s in 10 steps of 100ms,\
                             re-checking after each and failed every time. The last failure:
                            Expecting queue orders-dlq in us-east-1 to be empty (nothing visible, in flight or delayed)
                            but it holds 1 message (visible 1, in flight 0, delayed 0).
                            Messages in the queue now (a peek, in queue order):
                              1. visible, receive count 0: stays""");
        }

        @Test
        void function_checks_retry_too(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"1\"}"));

            assertThat(stack).function("worker").eventually().hasInvocations(1).hasNoErrors();
            assertThatThrownBy(() -> assertThat(stack).function("worker").eventually(Duration.ofMillis(200))
                    .hasInvocations(2)).hasMessage("""
                            Not true in time: the check advanced the stack's manual clock by 200ms in 2 steps of 100ms,\
                             re-checking after each and failed every time. The last failure:
                            Expecting function worker in us-east-1 to have 2 invocations
                            but it has 1.
                            The ledger records 1 invocation (1 succeeded, 0 errors, 0 timeouts), 0 throttles, 1 cold\
                             start.""");
        }
    }

    @Nested
    @SimStack(queues = @Queue(name = "orders"),
            functions = @Function(name = "slow", handler = SlowWorker.class, coldStartDelay = "0ms", timeout = 1,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 7)
    class QuietlyOnAManualClock {

        @Test
        void a_handler_slow_in_wall_time_does_not_time_out_while_the_check_advances_the_clock(Stack stack,
                SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"1\"}"));

            // 400 ms of wall time in a 1 s function: each step waits for the invocation before moving the clock on
            assertThat(stack).function("slow").eventually().hasInvocations(1).hasNoErrors();
            assertThat(stack).queue("orders").eventually().isEmpty();
            assertThat(stack).function("slow").hasInvocations(1).hasNoErrors();
        }
    }

    @Nested
    @SimStack(queues = @Queue(name = "orders"),
            seed = 7)
    class OnARealClock {

        @Test
        void a_check_waits_for_the_stack(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("later").delaySeconds(1));

            assertThat(stack).queue("orders").hasDelayed(1).eventually().hasVisible(1);
        }

        @Test
        void a_check_that_never_holds_says_how_long_it_waited(Stack stack) {
            assertThatThrownBy(() -> assertThat(stack).queue("orders").eventually(Duration.ofMillis(300)).hasDepth(1))
                    .hasMessage("""
                            Not true in time: the check waited 300ms on the stack's real clock, re-checking every 50ms\
                             and failed every time. The last failure:
                            Expecting queue orders in us-east-1 to hold 1 message visible
                            but it holds 0 (visible 0, in flight 0, delayed 0).
                            The queue holds no message.""");
        }
    }
}
