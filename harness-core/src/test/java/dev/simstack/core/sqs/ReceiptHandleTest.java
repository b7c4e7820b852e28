package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry.MessageEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class ReceiptHandleTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private Message sendAndReceive(int visibility) {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        return s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(visibility)).messages().get(0);
    }

    @Test
    void delete_with_the_latest_receipt_handle_removes_the_message() {
        Message m = sendAndReceive(1);
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        s.advanceSeconds(1);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThat(s.events(MessageEvent.DELETED)).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(m.messageId()));
    }

    @Test
    void delete_works_after_the_visibility_timeout_if_nobody_received_it_again() {
        Message m = sendAndReceive(1);
        s.advanceSeconds(5);
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void delete_with_an_older_receipt_handle_succeeds_but_does_not_delete() {
        // AWS: "you must provide the most recently received ReceiptHandle for the message (otherwise, the
        // request succeeds, but the message will not be deleted)".
        Message first = sendAndReceive(1);
        s.advanceSeconds(1);
        Message second = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1)).messages().get(0);
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        s.advanceSeconds(1);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::messageId)
                .containsExactly(second.messageId());
        assertThat(s.events(MessageEvent.DELETED)).isEmpty();
    }

    @Test
    void deleting_twice_succeeds() {
        Message m = sendAndReceive(30);
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertThat(s.events(MessageEvent.DELETED)).hasSize(1);
    }

    @Test
    void a_malformed_receipt_handle_fails_with_receipt_handle_is_invalid() {
        assertThatThrownBy(() -> s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("not-a-handle!")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class)
                .hasMessageContaining("The input receipt handle \"not-a-handle!\" is not a valid receipt handle.")
                .satisfies(e -> {
                    assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("ReceiptHandleIsInvalid");
                    assertThat(((SqsException) e).statusCode()).isEqualTo(404);
                });
    }

    @Test
    void a_receipt_handle_of_another_queue_is_invalid_here() {
        Message m = sendAndReceive(30);
        String other = s.createQueue("other");
        assertThatThrownBy(() -> s.sqs.deleteMessage(b -> b.queueUrl(other).receiptHandle(m.receiptHandle())))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
    }

    @Test
    void a_missing_receipt_handle_fails_with_missing_parameter() {
        assertThatThrownBy(() -> s.sqs.deleteMessage(b -> b.queueUrl(url))).isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("MissingParameter"));
    }
}
