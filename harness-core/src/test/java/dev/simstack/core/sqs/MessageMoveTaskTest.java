package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class MessageMoveTaskTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String dlq = s.createQueue("orders-dlq");
    private final String dlqArn = s.arn(dlq);
    private final String source = s.createQueue("orders", Map.of(QueueAttributeName.REDRIVE_POLICY,
            "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));

    @AfterEach
    void close() {
        s.close();
    }

    /** Sends {@code count} messages and lets each fail once, so that they land in the DLQ. */
    private void deadLetter(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            s.sqs.sendMessage(b -> b.queueUrl(source).messageBody("m" + n));
        }
        for (int i = 0; i < count; i += 10) {
            s.sqs.receiveMessage(b -> b.queueUrl(source).maxNumberOfMessages(10).visibilityTimeout(1));
        }
        s.advanceSeconds(1);
        while (!s.sqs.receiveMessage(b -> b.queueUrl(source).maxNumberOfMessages(10)).messages().isEmpty()) {
            // each receive moves what it picks to the DLQ
        }
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .isEqualTo(Integer.toString(count));
    }

    private ListMessageMoveTasksResultEntry latestTask() {
        return s.sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn)).results().get(0);
    }

    @Test
    void a_move_task_returns_messages_to_their_source_queue_on_the_clock() {
        deadLetter(3);
        String handle = s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn)).taskHandle();
        assertThat(new String(Base64.getDecoder().decode(handle), StandardCharsets.UTF_8))
                .contains("\"sourceArn\":\"" + dlqArn + "\"");
        assertThat(latestTask().status()).isEqualTo("RUNNING");
        assertThat(latestTask().taskHandle()).isEqualTo(handle);
        assertThat(latestTask().approximateNumberOfMessagesToMove()).isEqualTo(3);
        s.advanceSeconds(1);
        ListMessageMoveTasksResultEntry done = latestTask();
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(3);
        assertThat(done.taskHandle()).isNull();
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(source).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactlyInAnyOrder("m0", "m1", "m2");
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
    }

    @Test
    void a_move_task_respects_max_number_of_messages_per_second_and_a_destination() {
        deadLetter(5);
        String elsewhere = s.createQueue("elsewhere");
        s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(s.arn(elsewhere))
                .maxNumberOfMessagesPerSecond(2));
        s.advanceSeconds(1);
        assertThat(latestTask().approximateNumberOfMessagesMoved()).isEqualTo(2);
        assertThat(latestTask().maxNumberOfMessagesPerSecond()).isEqualTo(2);
        assertThat(latestTask().destinationArn()).isEqualTo(s.arn(elsewhere));
        s.advanceSeconds(2);
        assertThat(latestTask().status()).isEqualTo("COMPLETED");
        assertThat(s.attribute(elsewhere, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("5");
    }

    @Test
    void cancel_stops_a_running_task() {
        deadLetter(5);
        String handle = s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).maxNumberOfMessagesPerSecond(1))
                .taskHandle();
        s.advanceSeconds(1);
        assertThat(s.sqs.cancelMessageMoveTask(b -> b.taskHandle(handle)).approximateNumberOfMessagesMoved())
                .isEqualTo(1);
        s.advanceSeconds(10);
        assertThat(latestTask().status()).isEqualTo("CANCELLED");
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("4");
        assertThatThrownBy(() -> s.sqs.cancelMessageMoveTask(b -> b.taskHandle(handle)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void only_one_task_runs_per_source_and_the_list_is_newest_first() {
        deadLetter(2);
        s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).maxNumberOfMessagesPerSecond(1));
        assertThatThrownBy(() -> s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn))).isInstanceOf(SqsException.class)
                .hasMessageContaining("Only one active task");
        s.advanceSeconds(2);
        s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn));
        assertThat(s.sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn).maxResults(10)).results())
                .extracting(ListMessageMoveTasksResultEntry::status).containsExactly("RUNNING", "COMPLETED");
    }

    @Test
    void unknown_handles_and_sources_that_are_no_dlq_fail_with_resource_not_found() {
        assertThatThrownBy(() -> s.sqs.cancelMessageMoveTask(b -> b.taskHandle("bm9wZQ==")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s.sqs.startMessageMoveTask(b -> b.sourceArn(s.arn(source))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> s.sqs.startMessageMoveTask(b -> b.sourceArn(
                "arn:aws:sqs:us-east-1:000000000000:missing"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn)
                .maxNumberOfMessagesPerSecond(501))).isInstanceOf(SqsException.class);
    }

    @Test
    void a_message_whose_source_queue_is_gone_fails_the_task_and_stays_in_the_dlq() {
        deadLetter(1);
        s.createQueue("still-uses-the-dlq", Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
        s.sqs.deleteQueue(b -> b.queueUrl(source));
        s.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn));
        s.advanceSeconds(1);
        assertThat(latestTask().status()).isEqualTo("FAILED");
        assertThat(latestTask().failureReason()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(s.attribute(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("1");
    }
}
