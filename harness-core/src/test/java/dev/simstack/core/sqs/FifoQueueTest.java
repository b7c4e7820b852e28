package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.MessageEvent;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

class FifoQueueTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));

    @AfterEach
    void close() {
        s.close();
    }

    private SendMessageResponse send(String group, String body) {
        return s.sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(group)
                .messageDeduplicationId(body));
    }

    private List<String> receive(int max) {
        return s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)).messages().stream()
                .map(Message::body).collect(Collectors.toList());
    }

    @Test
    void messages_of_a_group_arrive_in_send_order() {
        for (int i = 0; i < 10; i++) {
            send("g", "m" + i);
        }
        assertThat(receive(10)).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void a_group_with_a_message_in_flight_gives_out_nothing_more() {
        send("g", "first");
        send("g", "second");
        send("other", "third");
        Message first = s.sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        assertThat(first.body()).isEqualTo("first");
        assertThat(receive(10)).containsExactly("third");
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertThat(receive(10)).containsExactly("second");
    }

    @Test
    void a_message_whose_visibility_ends_comes_back_before_the_rest_of_its_group() {
        send("g", "first");
        send("g", "second");
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(5));
        assertThat(receive(10)).isEmpty();
        s.advanceSeconds(5);
        assertThat(receive(10)).containsExactly("first", "second");
    }

    @Test
    void sequence_numbers_are_20_digits_and_increase() {
        BigInteger first = new BigInteger(send("g", "a").sequenceNumber());
        BigInteger second = new BigInteger(send("h", "b").sequenceNumber());
        assertThat(first.toString()).hasSize(20);
        assertThat(second).isGreaterThan(first);
        Message m = s.sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(
                MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.SEQUENCE_NUMBER, first.toString())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g")
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "a");
    }

    @Test
    void every_ledger_step_of_a_message_names_its_group() {
        send("g", "first");
        send("h", "second");
        receive(10);
        assertThat(s.events(MessageEvent.SENT)).extracting(LedgerEntry.Message::messageGroupId)
                .containsExactly("g", "h");
        assertThat(s.events(MessageEvent.DELIVERED)).extracting(LedgerEntry.Message::messageGroupId)
                .containsExactlyInAnyOrder("g", "h");
        send("g", "first");
        assertThat(s.events(MessageEvent.DEDUPLICATED)).extracting(LedgerEntry.Message::messageGroupId)
                .containsExactly("g");
    }

    @Test
    void a_duplicate_within_five_minutes_is_accepted_but_not_enqueued() {
        SendMessageResponse original = send("g", "once");
        SendMessageResponse duplicate = send("g", "once");
        assertThat(duplicate.messageId()).isEqualTo(original.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(original.sequenceNumber());
        assertThat(receive(10)).containsExactly("once");
        assertThat(s.events(MessageEvent.DEDUPLICATED)).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(original.messageId()));
        s.advanceSeconds(300);
        assertThat(send("g", "once").messageId()).isNotEqualTo(original.messageId());
    }

    @Test
    void content_based_deduplication_hashes_the_body() {
        String cbd = s.createQueue("cbd.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
        String first = s.sqs.sendMessage(b -> b.queueUrl(cbd).messageBody("same").messageGroupId("g")).messageId();
        String second = s.sqs.sendMessage(b -> b.queueUrl(cbd).messageBody("same").messageGroupId("g")).messageId();
        assertThat(second).isEqualTo(first);
        Message m = s.sqs.receiveMessage(b -> b.queueUrl(cbd).messageSystemAttributeNames(
                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).messages().get(0);
        assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo("0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5");
    }

    @Test
    void deduplication_scope_message_group_scopes_ids_to_their_group() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DEDUPLICATION_SCOPE,
                "messageGroup")));
        send("g", "x");
        send("h", "x");
        send("g", "x");
        assertThat(receive(10)).containsExactly("x", "x");
    }

    @Test
    void fifo_send_rules_are_enforced() {
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageDeduplicationId("d")))
                .isInstanceOf(SqsException.class).hasMessageContaining("MessageGroupId")
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")))
                .hasMessageContaining("ContentBasedDeduplication");
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")
                .messageDeduplicationId("d").delaySeconds(5))).hasMessageContaining("DelaySeconds");
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("has space")
                .messageDeduplicationId("d"))).hasMessageContaining("MessageGroupId");
        String standard = s.createQueue("standard");
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl(standard).messageBody("x")
                .messageDeduplicationId("d"))).hasMessageContaining("MessageDeduplicationId");
    }

    @Test
    void the_queue_delay_applies_to_fifo_queues() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "10")));
        send("g", "later");
        assertThat(receive(1)).isEmpty();
        s.advanceSeconds(10);
        assertThat(receive(1)).containsExactly("later");
    }

    @Test
    void a_retried_receive_attempt_gets_the_same_messages_and_handles() {
        send("g", "a");
        send("g", "b");
        List<Message> first = s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .receiveRequestAttemptId("attempt-1")).messages();
        List<Message> retry = s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .receiveRequestAttemptId("attempt-1")).messages();
        assertThat(retry).isEqualTo(first);
        assertThat(s.events(MessageEvent.DELIVERED)).hasSize(2);
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.get(0).receiptHandle()));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).receiveRequestAttemptId("attempt-1")).messages())
                .isEmpty();
    }

    @Test
    void a_fifo_queue_dead_letters_to_a_fifo_queue_in_order() {
        String dlq = s.createQueue("dead.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        String src = s.createQueue("src.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + s.arn(dlq)
                        + "\",\"maxReceiveCount\":1}"));
        s.sqs.sendMessage(b -> b.queueUrl(src).messageBody("a").messageGroupId("g").messageDeduplicationId("a"));
        s.sqs.sendMessage(b -> b.queueUrl(src).messageBody("b").messageGroupId("g").messageDeduplicationId("b"));
        s.sqs.receiveMessage(b -> b.queueUrl(src).maxNumberOfMessages(10).visibilityTimeout(1));
        s.advanceSeconds(1);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(src).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("a", "b");
    }
}
