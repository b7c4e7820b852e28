package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** A message's DelaySeconds: 0 to 900 on a standard queue; a FIFO queue takes only the queue's delay. */
class DelaySecondsTest {

    private static final String FIFO_REFUSAL = "Value 5 for parameter DelaySeconds is invalid. Reason: The request "
            + "include parameter that is not valid for this queue type.";

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String standard = s.createQueue("orders");
    private final String fifo = s.createQueue("orders.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
            QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));

    @AfterEach
    void close() {
        s.close();
    }

    private static void assertInvalidParameterValue(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(SqsException.class).satisfies(e -> {
            SqsException error = (SqsException) e;
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void a_standard_queue_takes_a_delay_of_0_to_900_seconds() {
        s.sqs.sendMessage(b -> b.queueUrl(standard).messageBody("x").delaySeconds(900));
        assertInvalidParameterValue(() -> s.sqs.sendMessage(b -> b.queueUrl(standard).messageBody("x")
                .delaySeconds(901)), "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be "
                        + ">= 0 and <= 900.");
        assertInvalidParameterValue(() -> s.sqs.sendMessage(b -> b.queueUrl(standard).messageBody("x")
                .delaySeconds(-1)), "Value -1 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be "
                        + ">= 0 and <= 900.");
    }

    @Test
    void a_fifo_queue_refuses_a_per_message_delay() {
        assertInvalidParameterValue(() -> s.sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("x")
                .messageGroupId("g").delaySeconds(5)), FIFO_REFUSAL);
        s.sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("no delay").messageGroupId("g").delaySeconds(0));
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(fifo)).messages()).hasSize(1);
    }

    @Test
    void a_delayed_fifo_batch_entry_fails_alone() {
        SendMessageBatchResponse response = s.sqs.sendMessageBatch(b -> b.queueUrl(fifo).entries(
                SendMessageBatchRequestEntry.builder().id("now").messageBody("a").messageGroupId("g").build(),
                SendMessageBatchRequestEntry.builder().id("later").messageBody("b").messageGroupId("g")
                        .delaySeconds(5).build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("now");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code,
                BatchResultErrorEntry::message, BatchResultErrorEntry::senderFault)
                .containsExactly(Tuple.tuple("later", "InvalidParameterValue", FIFO_REFUSAL, true));
    }
}
