package dev.simstack.assertions.ledger;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** preservesOrderPerMessageGroup(): in each group, messages are delivered in the order they were sent. */
@SimStack(queues = {@Queue(name = "orders.fifo", contentBasedDeduplication = true),
        @Queue(name = "events", visibilityTimeout = 30)},
        clock = "manual", seed = 14)
class GroupOrderTest {

    @Test
    void a_fifo_queue_delivers_each_group_in_send_order(Stack stack, SqsClient sqs,
            @QueueUrl("orders.fifo") String orders) {
        for (String body : List.of("a-1", "b-1", "a-2", "b-2", "a-3")) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody(body).messageGroupId(body.substring(0, 1)));
        }
        List<Message> received;
        while (!(received = sqs.receiveMessage(b -> b.queueUrl(orders).maxNumberOfMessages(2)).messages()).isEmpty()) {
            received.forEach(message -> sqs.deleteMessage(b -> b.queueUrl(orders)
                    .receiptHandle(message.receiptHandle())));
        }

        // docs:fifo-order-start
        assertThat(stack).delivery("orders.fifo").preservesOrderPerMessageGroup().noneLost();
        // docs:fifo-order-end
    }

    @Test
    void a_message_redelivered_after_a_later_one_of_its_group_is_out_of_order(Stack stack, SimClock clock,
            SqsClient sqs, @QueueUrl("events") String events) {
        Instant start = clock.now();
        // A standard queue takes a MessageGroupId (fair queues) but does not hold the group back.
        String first = sqs.sendMessage(b -> b.queueUrl(events).messageBody("e-1").messageGroupId("g")).messageId();
        sqs.receiveMessage(b -> b.queueUrl(events));
        String second = sqs.sendMessage(b -> b.queueUrl(events).messageBody("e-2").messageGroupId("g")).messageId();
        sqs.receiveMessage(b -> b.queueUrl(events));
        clock.advance(Duration.ofSeconds(31));
        sqs.receiveMessage(b -> b.queueUrl(events));

        assertThatThrownBy(() -> assertThat(stack).delivery("events").preservesOrderPerMessageGroup())
                .hasMessage(Expected.of(stack, start).name("first", first).name("second", second).text("""

                        Expecting the messages of each message group of sqs:us-east-1/events to be delivered in \
                        the order they were sent, but 1 delivery was out of order:
                          group g: message {first} (sent 1st) delivered {#8} {t+31} after message {second} \
                        (sent 2nd) was delivered {#6} {t+0}
                        Where to look: a FIFO queue keeps a group in order while each message is deleted before \
                        the next is received; a standard queue does not order messages."""));
    }

    @Test
    void messages_without_a_group_cannot_be_checked_for_order(Stack stack, SqsClient sqs,
            @QueueUrl("events") String events) {
        sqs.sendMessage(b -> b.queueUrl(events).messageBody("e-1"));

        assertThatThrownBy(() -> assertThat(stack).delivery("events").preservesOrderPerMessageGroup())
                .hasMessage("\nExpecting messages sent to sqs:us-east-1/events with a MessageGroupId, to check their"
                        + " order per group, but none carried one: send them to a FIFO queue with a"
                        + " MessageGroupId.");
    }
}
