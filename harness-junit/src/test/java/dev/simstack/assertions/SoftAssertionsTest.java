package dev.simstack.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.time.Duration;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Soft assertions collect every failure, of the asserts they navigate to as well, and report them together. */
@SimStack(queues = {@Queue(name = "orders-dlq"),
        @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 2)},
        tables = @Table(name = "payments", partitionKey = "id"),
        clock = "manual", seed = 7)
class SoftAssertionsTest {

    @Test
    void soft_assertions_collect_the_failures_of_every_navigated_assert(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("a"));
        SimStackSoftAssertions softly = new SimStackSoftAssertions();

        softly.assertThat(stack).queue("orders").isEmpty().hasDepth(1);
        softly.assertThat(stack).queue("orders").deadLetterQueue().hasDepth(1);
        softly.assertThat(stack).queue("orders").eventually(Duration.ofMillis(100)).hasDepth(2);

        // AssertJ adds the line of each soft assertion to its message.
        assertThat(softly.errorsCollected()).extracting(e -> e.getMessage().replaceFirst("\\s*at \\S+\\(\\S+\\)$", ""))
                .containsExactly("""
                Expecting queue orders in us-east-1 to be empty (nothing visible, in flight or delayed)
                but it holds 1 message (visible 1, in flight 0, delayed 0).
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: a""", """
                Expecting queue orders-dlq in us-east-1 to hold 1 message visible
                but it holds 0 (visible 0, in flight 0, delayed 0).
                The queue holds no message.""", """
                Not true in time: the check advanced the stack's manual clock by 100ms in 1 steps of 100ms,\
                 re-checking after each and failed every time. The last failure:
                Expecting queue orders in us-east-1 to hold 2 messages visible
                but it holds 1 (visible 1, in flight 0, delayed 0).
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: a""");
    }

    @Test
    void assert_softly_throws_once_with_every_failure(Stack stack) {
        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(SimStackSoftAssertions.class, softly -> {
            softly.assertThat(stack).queue("orders").hasDepth(1);
            softly.assertThat(stack).queue("orders-dlq").hasTotalDepth(2);
        })).hasMessageContainingAll("Multiple Failures (2 failures)",
                "Expecting queue orders in us-east-1 to hold 1 message visible",
                "Expecting queue orders-dlq in us-east-1 to hold 2 messages in total");
    }

    @Test
    void soft_delivery_and_idempotency_asserts_collect_their_failures_too(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("never received"));
        SimStackSoftAssertions softly = new SimStackSoftAssertions();

        softly.assertThat(stack).delivery("orders").noneLost();
        softly.assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId").keys("o-1")
                .eachKeyAppliedOnce();

        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0)).hasMessageContaining("never received");
        assertThat(softly.errorsCollected().get(1)).hasMessageContaining("o-1");
    }

    @Test
    void soft_assertions_that_hold_collect_nothing(Stack stack) {
        SimStackSoftAssertions softly = new SimStackSoftAssertions();

        softly.assertThat(stack).queue("orders").isEmpty().deadLetterQueue().isEmpty();

        softly.assertAll();
    }
}
