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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** noneLost(): every message sent is delivered and then deleted, or moved to the dead-letter queue. */
@SimStack(queues = {@Queue(name = "orders-dlq"),
        @Queue(name = "orders", visibilityTimeout = 30, deadLetterQueue = "orders-dlq", maxReceiveCount = 2)},
        clock = "manual", seed = 14)
class NoneLostTest {

    @Test
    void messages_received_and_deleted_are_none_lost(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}"));
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-2\"}"));
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(orders).maxNumberOfMessages(10)).messages()) {
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(message.receiptHandle()));
        }

        // docs:none-lost-start
        assertThat(stack).delivery("orders").noneLost();
        // docs:none-lost-end
    }

    @Test
    void a_message_moved_to_the_dead_letter_queue_is_not_lost(Stack stack, SimClock clock, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"poison\"}"));
        for (int receive = 0; receive < 3; receive++) {
            sqs.receiveMessage(b -> b.queueUrl(orders));
            clock.advance(Duration.ofSeconds(31));
        }

        assertThat(stack).delivery("orders").noneLost();
    }

    @Test
    void a_message_received_and_never_deleted_is_lost_with_its_steps(Stack stack, SimClock clock, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        Instant start = clock.now();
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}"));
        String kept = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-2\"}")).messageId();
        clock.advance(Duration.ofSeconds(5));
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(orders).maxNumberOfMessages(10)).messages()) {
            if (!message.messageId().equals(kept)) {
                sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(message.receiptHandle()));
            }
        }

        assertThatThrownBy(() -> assertThat(stack).delivery("orders").noneLost())
                .hasMessage(Expected.of(stack, start).name("kept", kept).text("""

                        Expecting every message sent to sqs:us-east-1/orders to be delivered and then deleted or \
                        moved to its dead-letter queue, but 1 of 2 messages was lost:
                          message {kept} (body {"id":"o-2"}, now IN_FLIGHT in the queue):
                            {#2} {t+0} sent
                            {#5} {t+5} delivered (receive count 1)
                            never deleted
                        Where to look: a consumer that deletes before its work is done (or in an invocation that \
                        then fails), crashes before deleting, or never deletes; the ledger's Message entries \
                        above, by sequence number."""));
    }
}
