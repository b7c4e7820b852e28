package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry.MessageEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class RetentionTest {

    private final SqsTestSupport s = SqsTestSupport.start();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void a_message_older_than_the_retention_period_expires() {
        String url = s.createQueue("orders", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        String id = s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("short-lived")).messageId();
        s.advanceSeconds(59);
        assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("1");
        s.advanceSeconds(1);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThat(s.events(MessageEvent.EXPIRED)).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(id));
    }

    @Test
    void the_default_retention_is_four_days_and_counts_in_flight_messages_too() {
        String url = s.createQueue("orders");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(43200));
        s.advanceSeconds(345_599);
        assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("1");
        s.advanceSeconds(1);
        assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
    }

    @Test
    void shortening_the_retention_period_expires_older_messages() {
        String url = s.createQueue("orders");
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("old"));
        s.advanceSeconds(120);
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("new"));
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "60")));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(m -> m.body()).containsExactly("new");
    }

    @Test
    void a_dead_lettered_standard_message_keeps_its_original_enqueue_time() {
        String dlq = s.createQueue("dlq", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "100"));
        String url = s.createQueue("orders", Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + s.arn(dlq) + "\",\"maxReceiveCount\":1}"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(90));
        s.advanceSeconds(90);
        s.sqs.receiveMessage(b -> b.queueUrl(url));
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("1");
        s.advanceSeconds(10);
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
    }
}
