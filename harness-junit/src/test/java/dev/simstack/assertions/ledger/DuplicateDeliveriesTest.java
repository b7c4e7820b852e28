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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * How often messages were delivered: a visibility timeout that ends before the consumer deletes hands the
 * message out again. Each test sends o-1 and o-2, and o-1 is received three times, o-2 once.
 */
@SimStack(queues = {@Queue(name = "orders", visibilityTimeout = 30), @Queue(name = "payments")},
        clock = "manual", seed = 14)
class DuplicateDeliveriesTest {

    private Instant start;
    private String redelivered;

    @BeforeEach
    void redeliverOneOrder(SimClock clock, SqsClient sqs, @QueueUrl("orders") String orders) {
        start = clock.now();
        redelivered = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}")).messageId();
        Message last = null;
        for (int receive = 0; receive < 3; receive++) {
            clock.advance(Duration.ofSeconds(receive == 0 ? 0 : 31));
            last = sqs.receiveMessage(b -> b.queueUrl(orders)).messages().get(0);
        }
        String handle = last.receiptHandle();
        sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(handle));
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-2\"}"));
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(orders)).messages()) {
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(message.receiptHandle()));
        }
    }

    @Test
    void a_queue_whose_messages_were_each_delivered_once_has_no_duplicates(Stack stack, SqsClient sqs,
            @QueueUrl("payments") String payments) {
        sqs.sendMessage(b -> b.queueUrl(payments).messageBody("{\"id\":\"p-1\"}"));
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(payments)).messages()) {
            sqs.deleteMessage(b -> b.queueUrl(payments).receiptHandle(message.receiptHandle()));
        }

        assertThat(stack).delivery("payments").hasNoDuplicateDeliveries().hasDuplicateDeliveries(0)
                .deliveredAtMostTimes(1);
    }

    @Test
    void a_message_delivered_three_times_is_a_duplicate(Stack stack) {
        assertThatThrownBy(() -> assertThat(stack).delivery("orders").hasNoDuplicateDeliveries())
                .hasMessage(Expected.of(stack, start).name("o-1", redelivered).text("""

                        Expecting each message sent to sqs:us-east-1/orders to be delivered once, but 1 message \
                        was delivered more than once:
                          message {o-1}: delivered 3 times ({#2} {t+0}, {#4} {t+31}, {#6} {t+62})
                        Where to look: a visibility timeout that ends before the consumer deletes, a consumer \
                        that does not delete, or an invocation that fails; a consumer must tolerate these (SQS \
                        delivers at least once)."""));
    }

    @Test
    void the_number_of_messages_delivered_more_than_once_is_counted(Stack stack) {
        // docs:duplicates-start
        assertThat(stack).delivery("orders").hasDuplicateDeliveries(1).deliveredAtMostTimes(3);
        // docs:duplicates-end

        assertThatThrownBy(() -> assertThat(stack).delivery("orders").hasDuplicateDeliveries(2))
                .hasMessage(Expected.of(stack, start).name("o-1", redelivered).text("""

                        Expecting 2 messages sent to sqs:us-east-1/orders to be delivered more than once, but 1 \
                        was:
                          message {o-1}: delivered 3 times ({#2} {t+0}, {#4} {t+31}, {#6} {t+62})"""));
    }

    @Test
    void a_message_delivered_more_often_than_allowed_is_named(Stack stack) {
        assertThatThrownBy(() -> assertThat(stack).delivery("orders").deliveredAtMostTimes(2))
                .hasMessage(Expected.of(stack, start).name("o-1", redelivered).text("""

                        Expecting each message sent to sqs:us-east-1/orders to be delivered at most 2 times, but \
                        1 message was delivered more often:
                          message {o-1}: delivered 3 times ({#2} {t+0}, {#4} {t+31}, {#6} {t+62})
                        Where to look: a redrive policy's maxReceiveCount bounds the receives of a message before \
                        it moves to the dead-letter queue."""));
    }
}
