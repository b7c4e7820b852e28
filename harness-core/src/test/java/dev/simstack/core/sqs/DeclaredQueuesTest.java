package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues declared in a StackConfig are created at start with CreateQueue's rules. */
class DeclaredQueuesTest {

    @Test
    void declared_queues_exist_at_start_with_their_attributes_tags_and_dead_letter_queue() {
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "45").withTag("team", "a")
                        .withDeadLetterQueue("orders-dlq", 3))
                .withQueue(QueueSpec.named("events.fifo"));
        try (SqsTestSupport s = SqsTestSupport.start(config)) {
            String orders = s.stack.queue("orders").url();
            assertThat(orders).isEqualTo(s.stack.endpoint() + "/000000000000/orders");
            assertThat(s.attribute(orders, QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("45");
            assertThat(s.attribute(orders, QueueAttributeName.REDRIVE_POLICY)).isEqualTo(
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:orders-dlq\",\"maxReceiveCount\":3}");
            assertThat(s.sqs.listQueueTags(b -> b.queueUrl(orders)).tags()).containsEntry("team", "a");
            assertThat(s.attribute(s.stack.queue("events.fifo").url(), QueueAttributeName.FIFO_QUEUE))
                    .isEqualTo("true");
            assertThatThrownBy(() -> s.stack.queue("missing").url()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing");
        }
    }

    @Test
    void an_invalid_declared_queue_fails_the_start_with_awss_error() {
        StackConfig config = StackConfig.defaults().withQueue(QueueSpec.named("bad name"));
        assertThatThrownBy(config::start).isInstanceOf(AwsException.class)
                .hasMessageContaining("Can only include alphanumeric characters");
    }
}
