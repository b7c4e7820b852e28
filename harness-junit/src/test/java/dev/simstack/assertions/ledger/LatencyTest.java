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
 * hasEndToEndLatencyAtMost(d): time from send to delete on the stack's clock. Each test sends o-1, deletes it 2
 * seconds later, then sends o-2 and deletes it 40 seconds later.
 */
@SimStack(queues = @Queue(name = "orders"), clock = "manual", seed = 14)
class LatencyTest {

    private Instant start;
    private String slow;

    @BeforeEach
    void processTwoOrders(SimClock clock, SqsClient sqs, @QueueUrl("orders") String orders) {
        start = clock.now();
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}"));
        clock.advance(Duration.ofSeconds(2));
        deleteAll(sqs, orders);
        slow = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-2\"}")).messageId();
        clock.advance(Duration.ofSeconds(40));
        deleteAll(sqs, orders);
    }

    private static void deleteAll(SqsClient sqs, String orders) {
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(orders).maxNumberOfMessages(10)).messages()) {
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(message.receiptHandle()));
        }
    }

    @Test
    void messages_deleted_within_the_limit_pass(Stack stack) {
        // docs:latency-start
        assertThat(stack).delivery("orders").hasEndToEndLatencyAtMost(Duration.ofSeconds(40));
        // docs:latency-end
    }

    @Test
    void the_failure_lists_the_messages_slower_than_the_limit(Stack stack) {
        assertThatThrownBy(() -> assertThat(stack).delivery("orders").hasEndToEndLatencyAtMost(Duration.ofSeconds(10)))
                .hasMessage(Expected.of(stack, start).name("slow", slow).text("""

                        Expecting each message sent to sqs:us-east-1/orders to be deleted at most PT10S after it \
                        was sent (on the stack's clock), but 1 of 2 deleted messages took longer; the slowest:
                          message {slow}: PT40S (sent {#6} {t+2}, deleted {#10} {t+42}, delivered 1 time)
                        Where to look: the receives between send and delete (each redelivery waits out a \
                        visibility timeout), the consumer's concurrency and batching window."""));
    }
}
