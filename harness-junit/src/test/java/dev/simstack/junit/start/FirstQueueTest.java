package dev.simstack.junit.start;

// docs:first-test-start
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@SimStack(queues = @Queue(name = "orders"), clock = "manual")
class FirstQueueTest {

    @Test
    void a_sent_message_is_received_and_deleted(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-1\"}"));

        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(orders)).messages();
        assertThat(received).extracting(Message::body).containsExactly("{\"orderId\":\"o-1\"}");

        sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(received.get(0).receiptHandle()));
        assertThat(stack).queue("orders").isEmpty();
    }

    @Test
    void a_message_not_deleted_comes_back_after_its_visibility_timeout(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-1\"}"));
        sqs.receiveMessage(b -> b.queueUrl(orders));          // received, never deleted
        assertThat(stack).queue("orders").hasInFlight(1);

        stack.clock().advance(Duration.ofSeconds(31));        // the manual clock moves only when told to
        assertThat(stack).queue("orders").hasVisible(1);
    }
}
// docs:first-test-end
