package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** {@code stack.queue(..)}: depth, peek, URL and dead-letter queue after real SQS traffic. */
class QueueHandleTest {

    private Stack stack;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30")
                        .withDeadLetterQueue("orders-dlq", 1))
                .withQueue(QueueSpec.named("events.fifo"))
                .start();
        sqs = HandleClients.sqs(stack);
    }

    @AfterEach
    void stop() {
        sqs.close();
        stack.close();
    }

    @Test
    void url_is_the_one_get_queue_url_answers_and_ref_names_the_queue() {
        QueueHandle orders = stack.queue("orders");

        assertThat(orders.url()).isEqualTo(sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl());
        assertThat(orders.ref()).isEqualTo(ResourceRef.queue("us-east-1", "000000000000", "orders"));
        assertThat(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
    }

    @Test
    void depth_counts_visible_in_flight_and_delayed_messages_at_one_instant() {
        String url = stack.queue("orders").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1));

        QueueDepth depth = stack.queue("orders").depth();

        assertThat(depth).isEqualTo(new QueueDepth(1, 1, 1));
        assertThat(depth.total()).isEqualTo(3);
    }

    @Test
    void in_flight_messages_count_as_visible_again_once_the_visibility_timeout_passes() {
        String url = stack.queue("orders").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1));

        stack.clock().advance(Duration.ofSeconds(31));

        assertThat(stack.queue("orders").depth()).isEqualTo(new QueueDepth(2, 0, 1));
    }

    @Test
    void peek_shows_body_ids_attributes_and_state_in_queue_order() {
        QueueHandle orders = stack.queue("orders");
        String first = sqs.sendMessage(b -> b.queueUrl(orders.url()).messageBody("first").messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("order").build(),
                "amount", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2})).build()))).messageId();
        String second = sqs.sendMessage(b -> b.queueUrl(orders.url()).messageBody("second").delaySeconds(5))
                .messageId();

        assertThat(orders.peek()).extracting(PeekedMessage::messageId, PeekedMessage::body, PeekedMessage::state,
                PeekedMessage::receiveCount).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, "first", PeekedMessage.State.VISIBLE, 0),
                        org.assertj.core.groups.Tuple.tuple(second, "second", PeekedMessage.State.DELAYED, 0));
        PeekedMessage peeked = orders.peek().get(0);
        assertThat(peeked.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kind", PeekedMessage.Attribute.of("String", "order"),
                "amount", PeekedMessage.Attribute.of("Number.int", "42"),
                "blob", PeekedMessage.Attribute.ofBinary("Binary", new byte[] {1, 2})));
        assertThat(peeked.systemAttributes()).containsEntry("SenderId", "test")
                .containsEntry("SentTimestamp", Long.toString(stack.clock().millis()))
                .doesNotContainKey("ApproximateFirstReceiveTimestamp");
    }

    @Test
    void peek_changes_neither_visibility_nor_receive_counts_nor_the_ledger() {
        String url = stack.queue("orders").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("once"));
        int entries = stack.ledger().size();

        stack.queue("orders").peek();
        stack.queue("orders").peek();

        assertThat(stack.ledger().size()).isEqualTo(entries);
        Message received = sqs.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(received.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        assertThat(stack.queue("orders").peek()).singleElement().satisfies(message -> {
            assertThat(message.state()).isEqualTo(PeekedMessage.State.IN_FLIGHT);
            assertThat(message.receiveCount()).isEqualTo(1);
        });
    }

    @Test
    void peek_of_a_fifo_queue_follows_sequence_order_with_group_and_deduplication_ids() {
        String url = stack.queue("events.fifo").url();
        for (String body : new String[] {"b1", "a1", "b2", "a2"}) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1))
                    .messageDeduplicationId(body));
        }

        assertThat(stack.queue("events.fifo").peek()).extracting(PeekedMessage::body)
                .containsExactly("b1", "a1", "b2", "a2");
        assertThat(stack.queue("events.fifo").peek().get(1).systemAttributes())
                .containsEntry("MessageGroupId", "a").containsEntry("MessageDeduplicationId", "a1")
                .containsKey("SequenceNumber");
    }

    @Test
    void dead_letter_queue_is_the_redrive_target_and_holds_what_was_moved() {
        QueueHandle orders = stack.queue("orders");
        sqs.sendMessage(b -> b.queueUrl(orders.url()).messageBody("poison"));
        sqs.receiveMessage(b -> b.queueUrl(orders.url()));
        stack.clock().advance(Duration.ofSeconds(31));
        sqs.receiveMessage(b -> b.queueUrl(orders.url())); // past maxReceiveCount 1: moved, not delivered

        QueueHandle deadLetters = orders.deadLetterQueue().orElseThrow();

        assertThat(deadLetters.ref()).isEqualTo(stack.queue("orders-dlq").ref());
        assertThat(deadLetters.peek()).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("poison");
            assertThat(message.systemAttributes()).containsEntry("DeadLetterQueueSourceArn", orders.arn());
        });
        assertThat(orders.depth().isEmpty()).isTrue();
        assertThat(deadLetters.deadLetterQueue()).isEmpty();
    }

    @Test
    void a_handle_on_a_deleted_queue_says_so_when_read() {
        QueueHandle orders = stack.queue("orders");
        sqs.deleteQueue(b -> b.queueUrl(orders.url()));

        assertThatThrownBy(orders::depth).isInstanceOf(IllegalStateException.class)
                .hasMessage("the SQS queue 'orders' in us-east-1 no longer exists: it was deleted (or the stack reset"
                        + " without it) after this handle was taken; the handle reads it again once it is created"
                        + " again");
        assertThat(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
    }

    @Test
    void a_handle_taken_before_a_reset_reads_the_declared_queue_again() {
        QueueHandle orders = stack.queue("orders");
        sqs.sendMessage(b -> b.queueUrl(orders.url()).messageBody("before"));

        stack.reset();

        assertThat(orders.depth().total()).isZero();
        assertThat(stack.ledger().entries(LedgerEntry.Message.class)).isEmpty();
    }
}
