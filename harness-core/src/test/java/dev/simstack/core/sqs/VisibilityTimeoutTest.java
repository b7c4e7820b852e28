package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class VisibilityTimeoutTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private Message receive() {
        return s.sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages().stream().findFirst().orElse(null);
    }

    @Test
    void receive_hides_message_for_the_queues_visibility_timeout() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message first = receive();
        assertThat(first).isNotNull();
        s.advanceSeconds(29);
        assertThat(receive()).isNull();
        s.advanceSeconds(1);
        Message second = receive();
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        assertThat(second.attributes().get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP))
                .isEqualTo(first.attributes().get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP));
    }

    @Test
    void the_receive_request_can_override_the_visibility_timeout() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(5));
        s.advanceSeconds(5);
        assertThat(receive()).isNotNull();
    }

    @Test
    void a_visibility_timeout_of_zero_leaves_the_message_visible() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0));
        assertThat(receive()).isNotNull();
    }

    @Test
    void the_queue_attribute_sets_the_default() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        receive();
        s.advanceSeconds(2);
        assertThat(receive()).isNotNull();
    }

    @Test
    void change_message_visibility_extends_from_now() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = receive();
        s.advanceSeconds(20);
        s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(60));
        s.advanceSeconds(59);
        assertThat(receive()).isNull();
        s.advanceSeconds(1);
        assertThat(receive()).isNotNull();
    }

    @Test
    void change_message_visibility_to_zero_releases_the_message_now() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = receive();
        s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        assertThat(receive()).isNotNull();
    }

    @Test
    void a_message_not_in_flight_fails_with_message_not_inflight() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(10)).messages().get(0);
        s.advanceSeconds(10);
        assertThatThrownBy(() -> s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                .visibilityTimeout(30))).isInstanceOf(MessageNotInflightException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.MessageNotInflight"));
    }

    @Test
    void an_older_receipt_handle_cannot_change_visibility() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message first = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1)).messages().get(0);
        s.advanceSeconds(1);
        receive();
        assertThatThrownBy(() -> s.sqs.changeMessageVisibility(b -> b.queueUrl(url)
                .receiptHandle(first.receiptHandle()).visibilityTimeout(30))).isInstanceOf(SqsException.class)
                .hasMessageContaining("Message does not exist or is not available for visibility timeout change");
    }

    @Test
    void visibility_may_not_reach_past_12_hours_after_the_receive() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = receive();
        s.advanceSeconds(10);
        s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(43190));
        assertThatThrownBy(() -> s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                .visibilityTimeout(43191))).hasMessageContaining("Total VisibilityTimeout for the message is beyond");
        assertThatThrownBy(() -> s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                .visibilityTimeout(43201))).hasMessageContaining("VisibilityTimeout");
    }

    @Test
    void a_changed_timeout_applies_only_to_that_receive() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        Message m = receive();
        s.sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(5));
        s.advanceSeconds(5);
        assertThat(receive()).isNotNull();
        s.advanceSeconds(29);
        assertThat(receive()).isNull();
        s.advanceSeconds(1);
        assertThat(receive()).isNotNull();
    }
}
