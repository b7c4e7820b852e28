package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The queue assertions, each passing and failing, on a manual clock that only the tests move. */
@SimStack(queues = {@Queue(name = "orders-dlq"),
        @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 2),
        @Queue(name = "short-lived", messageRetentionPeriod = 60)},
        clock = "manual", seed = 7)
class QueueAssertTest {

    private static final String ORDERS = "queue orders in us-east-1";

    @Test
    void has_depth_counts_the_visible_messages(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        send(sqs, orders, "{\"id\":\"1\"}", "{\"id\":\"2\"}");

        assertThat(stack).queue("orders").hasDepth(2).hasVisible(2).hasInFlight(0).hasDelayed(0).hasTotalDepth(2);
    }

    @Test
    void has_depth_fails_showing_the_messages_in_the_queue(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "{\"id\":\"1\"}");

        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasDepth(2)).hasMessage("""
                Expecting queue orders in us-east-1 to hold 2 messages visible
                but it holds 1 (visible 1, in flight 0, delayed 0).
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: {"id":"1"}""");
    }

    @Test
    void depth_by_state_tells_visible_in_flight_and_delayed_apart(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "a");
        sqs.receiveMessage(b -> b.queueUrl(orders));
        send(sqs, orders, "b", "c");
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("later").delaySeconds(60));

        assertThat(stack).queue("orders").hasVisible(2).hasInFlight(1).hasDelayed(1).hasTotalDepth(4);
        String found = """
                but it holds %d (visible 2, in flight 1, delayed 1).
                Messages in the queue now (a peek, in queue order):
                  1. in flight, receive count 1: a
                  2. visible, receive count 0: b
                  3. visible, receive count 0: c
                  4. delayed, receive count 0: later""";
        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasInFlight(2))
                .hasMessage("Expecting " + ORDERS + " to hold 2 messages in flight\n" + found.formatted(1));
        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasDelayed(0))
                .hasMessage("Expecting " + ORDERS + " to hold 0 messages delayed\n" + found.formatted(1));
        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasTotalDepth(3))
                .hasMessage("Expecting " + ORDERS + " to hold 3 messages in total\n" + found.formatted(4));
    }

    @Test
    void is_empty_holds_for_a_queue_with_nothing_visible_in_flight_or_delayed(Stack stack) {
        assertThat(stack).queue("orders").isEmpty();
    }

    @Test
    void is_empty_fails_for_a_message_in_flight(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        send(sqs, orders, "{\"id\":\"1\"}");
        sqs.receiveMessage(b -> b.queueUrl(orders));

        assertThatThrownBy(() -> assertThat(stack).queue("orders").isEmpty()).hasMessage("""
                Expecting queue orders in us-east-1 to be empty (nothing visible, in flight or delayed)
                but it holds 1 message (visible 0, in flight 1, delayed 0).
                Messages in the queue now (a peek, in queue order):
                  1. in flight, receive count 1: {"id":"1"}""");
    }

    @Test
    void contains_exactly_bodies_checks_every_body_in_queue_order(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "a", "b");

        assertThat(stack).queue("orders").containsExactlyBodies("a", "b");
        assertThatThrownBy(() -> assertThat(stack).queue("orders").containsExactlyBodies("b", "a")).hasMessage("""
                Expecting queue orders in us-east-1 to hold exactly these bodies, in queue order:
                  [b, a]
                but it holds:
                  [a, b]
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: a
                  2. visible, receive count 0: b""");
    }

    @Test
    void contains_bodies_in_any_order_names_the_missing_and_the_unexpected(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "a", "b", "b");

        assertThat(stack).queue("orders").containsBodiesInAnyOrder("b", "a", "b");
        assertThatThrownBy(() -> assertThat(stack).queue("orders").containsBodiesInAnyOrder("b", "c")).hasMessage("""
                Expecting queue orders in us-east-1 to hold exactly these bodies, in any order:
                  [b, c]
                but these are missing: [c]
                and these were not expected: [a, b]
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: a
                  2. visible, receive count 0: b
                  3. visible, receive count 0: b""");
    }

    @Test
    void contains_bodies_matching_needs_every_body_to_match(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "{\"id\":\"1\"}", "oops");

        assertThat(stack).queue("orders").containsBodiesMatching(body -> !body.isEmpty(), "a body");
        assertThatThrownBy(() -> assertThat(stack).queue("orders").containsBodiesMatching("\\{.*\\}")).hasMessage("""
                Expecting queue orders in us-east-1 to hold messages whose bodies all match the regex \\{.*\\}
                but the bodies of messages [2] do not.
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: {"id":"1"}
                  2. visible, receive count 0: oops""");
    }

    @Test
    void contains_bodies_matching_fails_on_an_empty_queue(Stack stack) {
        assertThatThrownBy(() -> assertThat(stack).queue("orders")
                .containsBodiesMatching(body -> body.startsWith("{"), "a JSON object")).hasMessage("""
                Expecting queue orders in us-east-1 to hold messages whose bodies all match a JSON object
                but it holds no message.
                The queue holds no message.""");
    }

    @Test
    void has_message_with_attribute_finds_a_string_attribute(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("a").messageAttributes(Map.of("kind",
                MessageAttributeValue.builder().dataType("String").stringValue("express").build())));

        assertThat(stack).queue("orders").hasMessageWithAttribute("kind", "express");
        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasMessageWithAttribute("kind", "slow"))
                .hasMessage("""
                        Expecting queue orders in us-east-1 to hold a message with attribute kind = slow
                        but none has it.
                        Messages in the queue now (a peek, in queue order):
                          1. visible, receive count 0: a attributes {kind=String:express}""");
    }

    @Test
    void receive_counts_count_every_receive(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        send(sqs, orders, "a", "b");
        sqs.receiveMessage(b -> b.queueUrl(orders).maxNumberOfMessages(2));

        assertThat(stack).queue("orders").allHaveReceiveCount(1).hasReceiveCounts(1, 1);
        assertThatThrownBy(() -> assertThat(stack).queue("orders").allHaveReceiveCount(2)).hasMessage("""
                Expecting every message of queue orders in us-east-1 to have receive count 2
                but they have [1, 1].
                Messages in the queue now (a peek, in queue order):
                  1. in flight, receive count 1: a
                  2. in flight, receive count 1: b""");
        assertThatThrownBy(() -> assertThat(stack).queue("orders").hasReceiveCounts(1)).hasMessage("""
                Expecting the messages of queue orders in us-east-1 to have the receive counts [1], in queue order,
                but they have [1, 1].
                Messages in the queue now (a peek, in queue order):
                  1. in flight, receive count 1: a
                  2. in flight, receive count 1: b""");
    }

    @Test
    void drains_within_advances_a_manual_clock_past_the_retention_period(Stack stack, SqsClient sqs,
            @QueueUrl("short-lived") String shortLived) {
        send(sqs, shortLived, "soon gone");

        assertThat(stack).queue("short-lived").drainsWithin(Duration.ofMinutes(2));
    }

    @Test
    void drains_within_fails_saying_how_far_it_advanced_the_clock(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "stuck");

        assertThatThrownBy(() -> assertThat(stack).queue("orders").drainsWithin(Duration.ofSeconds(1))).hasMessage("""
                Expecting queue orders in us-east-1 to drain (nothing visible, in flight or delayed) in time
                but after the check advanced the stack's manual clock by 1s in 10 steps of 100ms, re-checking after\
                 each, it still holds 1 message (visible 1, in flight 0, delayed 0).
                Messages in the queue now (a peek, in queue order):
                  1. visible, receive count 0: stuck""");
    }

    @Test
    void dead_letter_queue_navigates_to_the_redrive_target(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        send(sqs, orders, "poison");
        for (int receive = 0; receive < 3; receive++) { // the third receive moves it: maxReceiveCount is 2
            sqs.receiveMessage(b -> b.queueUrl(orders));
            stack.clock().advance(Duration.ofSeconds(31));
        }

        assertThat(stack).queue("orders").isEmpty().deadLetterQueue().hasDepth(1).containsExactlyBodies("poison");
    }

    @Test
    void dead_letter_queue_fails_for_a_queue_without_a_redrive_policy(Stack stack) {
        assertThatThrownBy(() -> assertThat(stack).queue("orders-dlq").deadLetterQueue()).hasMessage("""
                Expecting queue orders-dlq in us-east-1 to have a dead-letter queue
                but it has no redrive policy (declare one, e.g. @Queue(deadLetterQueue = ..., maxReceiveCount = ...)).""");
    }

    @Test
    void an_assert_built_from_a_handle_alone_cannot_move_the_clock(Stack stack) {
        assertThatIllegalStateException().isThrownBy(() -> new QueueAssert(stack.queue("orders")).eventually())
                .withMessage("eventually() needs the stack (its clock and its ledger), which an assert built with its"
                        + " public constructor does not know: take it with"
                        + " SimStackAssertions.assertThat(stack).queue(name)");
        new QueueAssert(stack.queue("orders")).isEmpty();
    }

    private static void send(SqsClient sqs, String queue, String... bodies) {
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }
    }
}
