package dev.simstack.junit.faults;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.Stack;
import dev.simstack.junit.DuplicateDelivery;
import dev.simstack.junit.EarlyRedelivery;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.PoisonMessages;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Reorder;
import dev.simstack.junit.ShortReceives;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS fault annotations, run through the JUnit Platform as a team's tests would be. */
class SqsFaultAnnotationsTest {

    @Test
    void duplicate_delivery_annotations_redeliver_the_picked_messages() {
        Kit.assertPassed(Kit.run(Duplicates.class), 2);
    }

    @Test
    void a_poison_message_travels_to_the_dead_letter_queue_after_max_receive_count() {
        Kit.assertPassed(Kit.run(Poison.class), 1);
    }

    @Test
    void early_redelivery_reorder_and_short_receives_annotations_act_on_their_queue() {
        Kit.assertPassed(Kit.run(Consumers.class), 3);
    }

    @Test
    void a_duplicate_delivery_on_a_fifo_queue_is_refused_saying_why() {
        EngineExecutionResults results = Kit.run(OnFifo.class);

        assertThat(Kit.failureMessages(results)).singleElement().asString()
                .contains("queue orders.fifo is a FIFO queue, which SQS delivers exactly once (exactly-once"
                        + " processing): duplicates are a standard queue's at-least-once delivery");
    }

    static List<Message> receive(SqsClient sqs, String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    /** Receives and deletes until a receive comes back empty: the bodies, in the order handed out. */
    static List<String> consume(SqsClient sqs, String url) {
        List<String> bodies = new ArrayList<>();
        List<Message> got;
        while (!(got = receive(sqs, url)).isEmpty()) {
            for (Message message : got) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    @SimStack(queues = @Queue(name = "orders"), seed = 7)
    static class Duplicates {

        // docs:duplicate-delivery-start
        @Test
        @DuplicateDelivery(queue = "orders", nth = 2) // the 2nd order sent comes back after its delete
        void a_consumer_sees_the_second_order_twice(Stack stack, SqsClient sqs, @QueueUrl("orders") String url) {
            for (String order : List.of("o-1", "o-2", "o-3")) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(order));
            }

            assertThat(consume(sqs, url)).hasSize(4).containsOnlyOnce("o-1", "o-3");
            assertThat(stack).delivery("orders").hasDuplicateDeliveries(1);
        }
        // docs:duplicate-delivery-end

        @Test
        @DuplicateDelivery(queue = "orders", attribute = "type=refund", mode = DuplicateDelivery.Mode.SAME_RECEIVE)
        void one_receive_answers_a_refund_twice(Stack stack, SqsClient sqs, @QueueUrl("orders") String url) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("refund o-1").messageAttributes(java.util.Map.of("type",
                    software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String")
                            .stringValue("refund").build())));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("order o-2"));

            List<Message> got = receive(sqs, url);

            assertThat(got).extracting(Message::body)
                    .containsExactlyInAnyOrder("refund o-1", "refund o-1", "order o-2");
            List<LedgerEntry.Message> deliveries = stack.ledger().entries(LedgerEntry.Message.class).stream()
                    .filter(m -> m.kind() == LedgerEntry.MessageEvent.DELIVERED).toList();
            assertThat(deliveries).extracting(LedgerEntry.Message::receiveCount).contains(1, 2);
        }
    }

    // docs:poison-messages-start
    @SimStack(queues = {
            @Queue(name = "orders", visibilityTimeout = 30, deadLetterQueue = "orders-dlq", maxReceiveCount = 3),
            @Queue(name = "orders-dlq")},
            functions = @Function(name = "worker", handler = OrderWorker.class,
                    sqsEvents = @SqsEvent(queue = "orders", reportBatchItemFailures = true)),
            clock = "manual", seed = 7)
    static class Poison {

        @Test
        @PoisonMessages(queue = "orders", bodyContains = "\"qty\":-1")
        void the_poison_order_ends_in_the_dead_letter_queue(Stack stack, SqsClient sqs,
                @QueueUrl("orders") String url) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"id\":\"o-1\",\"qty\":2}"));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"id\":\"o-2\",\"qty\":-1}"));

            assertThat(stack).queue("orders-dlq").eventually(Duration.ofMinutes(5)).hasDepth(1);
            PeekedMessage poison = stack.queue("orders-dlq").peek().get(0);
            assertThat(poison.body()).isEqualTo("{\"id\":\"o-2\",\"qty\":-1}");
            assertThat(poison.receiveCount()).isEqualTo(3); // maxReceiveCount
            assertThat(stack).queue("orders").isEmpty();     // o-1 was handled and deleted
        }
    }
    // docs:poison-messages-end

    @SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30), clock = "manual", seed = 7)
    static class Consumers {

        @Test
        @EarlyRedelivery(queue = "orders", after = "5s")
        void a_slow_consumer_loses_its_message_to_another(Stack stack, SqsClient sqs, @QueueUrl("orders") String url) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("o-1"));
            Message slow = receive(sqs, url).get(0);
            stack.clock().advance(Duration.ofSeconds(5));

            assertThat(receive(sqs, url)).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(slow.messageId());
                assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
            });
        }

        @Test
        @Reorder(queue = "orders")
        void a_receive_answers_out_of_send_order(SqsClient sqs, @QueueUrl("orders") String url) {
            for (String order : List.of("o-1", "o-2", "o-3")) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(order));
            }

            assertThat(receive(sqs, url)).extracting(Message::body).containsExactlyInAnyOrder("o-1", "o-2", "o-3")
                    .isNotEqualTo(List.of("o-1", "o-2", "o-3"));
        }

        @Test
        @ShortReceives(queue = "orders", atMost = 0)
        void an_empty_receive_leaves_the_messages_waiting(Stack stack, SqsClient sqs, @QueueUrl("orders") String url) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("o-1"));

            assertThat(receive(sqs, url)).isEmpty();
            assertThat(stack).queue("orders").hasVisible(1);
        }
    }

    @SimStack(queues = @Queue(name = "orders.fifo", fifo = true))
    static class OnFifo {

        @Test
        @DuplicateDelivery(queue = "orders.fifo")
        void duplicates() {
        }
    }
}
