package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry.MessageEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

class PurgeQueueTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void purge_deletes_visible_in_flight_and_delayed_messages() {
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("visible"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("in flight"));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(30));
        s.sqs.receiveMessage(b -> b.queueUrl(url));
        s.sqs.purgeQueue(b -> b.queueUrl(url));
        s.advanceSeconds(60);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(s.events(MessageEvent.PURGED)).hasSize(3);
    }

    @Test
    void a_second_purge_within_60_seconds_fails_with_purge_queue_in_progress() {
        s.sqs.purgeQueue(b -> b.queueUrl(url));
        s.advanceSeconds(59);
        assertThatThrownBy(() -> s.sqs.purgeQueue(b -> b.queueUrl(url)))
                .isInstanceOf(PurgeQueueInProgressException.class)
                .hasMessageContaining("Only one PurgeQueue operation on orders is allowed every 60 seconds.")
                .satisfies(e -> {
                    assertThat(((SqsException) e).awsErrorDetails().errorCode())
                            .isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress");
                    assertThat(((SqsException) e).statusCode()).isEqualTo(403);
                });
        s.advanceSeconds(1);
        s.sqs.purgeQueue(b -> b.queueUrl(url));
    }

    @Test
    void messages_sent_after_a_purge_stay() {
        s.sqs.purgeQueue(b -> b.queueUrl(url));
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("after"));
        assertThat(s.attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("1");
    }
}
