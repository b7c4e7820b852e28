package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry.MessageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

class DeadLetterQueueTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String dlq = s.createQueue("orders-dlq");
    private final String dlqArn = s.arn(dlq);

    @AfterEach
    void close() {
        s.close();
    }

    private static String redrive(String arn, int max) {
        return "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":" + max + "}";
    }

    private String source(String name, int maxReceiveCount) {
        return s.createQueue(name, Map.of(QueueAttributeName.REDRIVE_POLICY, redrive(dlqArn, maxReceiveCount)));
    }

    private List<Message> receive(String url) {
        return s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1).messageSystemAttributeNames(
                MessageSystemAttributeName.ALL)).messages();
    }

    @Test
    void a_message_moves_to_the_dlq_when_a_receive_would_exceed_max_receive_count() {
        String url = source("orders", 2);
        String id = s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison")).messageId();
        assertThat(receive(url)).hasSize(1);
        s.advanceSeconds(1);
        assertThat(receive(url)).hasSize(1);
        s.advanceSeconds(1);
        assertThat(receive(url)).isEmpty();
        List<Message> dead = receive(dlq);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.body()).isEqualTo("poison");
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN,
                    s.arn(url)).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3");
        });
        assertThat(s.events(MessageEvent.MOVED_TO_DLQ)).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo(id);
            assertThat(e.queue().arn()).isEqualTo(s.arn(url));
            assertThat(e.receiveCount()).isEqualTo(2);
        });
    }

    @Test
    void the_redrive_policy_reads_back_as_json() {
        String url = source("orders", 5);
        assertThat(s.attribute(url, QueueAttributeName.REDRIVE_POLICY)).isEqualTo(redrive(dlqArn, 5));
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"7\"}")));
        assertThat(s.attribute(url, QueueAttributeName.REDRIVE_POLICY)).isEqualTo(redrive(dlqArn, 7));
        s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, "")));
        assertThat(s.attribute(url, QueueAttributeName.REDRIVE_POLICY)).isNull();
    }

    @Test
    void invalid_redrive_policies_are_rejected() {
        assertRejected(redrive(dlqArn, 0), "valid values are from 1 to 1000");
        assertRejected(redrive(dlqArn, 1001), "valid values are from 1 to 1000");
        assertRejected(redrive("arn:aws:sqs:us-east-1:000000000000:missing", 3), "Dead letter target does not exist");
        assertRejected("{\"maxReceiveCount\":3}", "deadLetterTargetArn");
        assertRejected("not json", "not a valid JSON map");
        String fifoDlq = s.createQueue("dlq.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        assertRejected(redrive(s.arn(fifoDlq), 3), "same type of queue");
    }

    private void assertRejected(String policy, String reason) {
        assertThatThrownBy(() -> s.createQueue("src", Map.of(QueueAttributeName.REDRIVE_POLICY, policy)))
                .as(policy).isInstanceOf(SqsException.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
    }

    @Test
    void redrive_allow_policy_decides_which_sources_may_use_the_dlq() {
        s.sqs.setQueueAttributes(b -> b.queueUrl(dlq).attributes(Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"denyAll\"}")));
        assertThatThrownBy(() -> source("denied", 3)).hasMessageContaining("RedriveAllowPolicy");
        String allowed = "arn:aws:sqs:us-east-1:000000000000:allowed";
        s.sqs.setQueueAttributes(b -> b.queueUrl(dlq).attributes(Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + allowed + "\"]}")));
        source("allowed", 3);
        assertThatThrownBy(() -> source("other", 3)).hasMessageContaining("RedriveAllowPolicy");
        assertThat(s.attribute(dlq, QueueAttributeName.REDRIVE_ALLOW_POLICY))
                .isEqualTo("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + allowed + "\"]}");
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(dlq).attributes(Map.of(
                QueueAttributeName.REDRIVE_ALLOW_POLICY, "{\"redrivePermission\":\"byQueue\"}"))))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(dlq).attributes(Map.of(
                QueueAttributeName.REDRIVE_ALLOW_POLICY, "{\"redrivePermission\":\"sometimes\"}"))))
                .isInstanceOf(SqsException.class);
    }

    @Test
    void list_dead_letter_source_queues_lists_and_paginates_the_sources() {
        for (int i = 0; i < 5; i++) {
            source("src" + i, 3);
        }
        s.createQueue("unrelated");
        assertThat(s.sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).hasSize(5)
                .allSatisfy(u -> assertThat(u).contains("/src"));
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListDeadLetterSourceQueuesResponse page = s.sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)
                    .maxResults(2).nextToken(next));
            seen.addAll(page.queueUrls());
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(s.sqs.listDeadLetterSourceQueues(b -> b.queueUrl(s.stack.queue("unrelated").url())).queueUrls())
                .isEmpty();
        assertThatThrownBy(() -> s.sqs.listDeadLetterSourceQueues(b -> b.queueUrl(s.stack.endpoint()
                + "/000000000000/missing"))).isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void a_message_with_receives_left_is_delivered_not_moved() {
        String url = source("orders", 1);
        s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("first try"));
        assertThat(receive(url)).hasSize(1);
        s.advanceSeconds(1);
        assertThat(receive(url)).isEmpty();
        assertThat(receive(dlq)).hasSize(1);
    }

    @Test
    void queues_may_be_each_others_dead_letter_queue() {
        String a = s.createQueue("a");
        // The receive count carries over to the DLQ ("across all queues"), so b tolerates more receives.
        String b = s.createQueue("b", Map.of(QueueAttributeName.REDRIVE_POLICY, redrive(s.arn(a), 5)));
        s.sqs.setQueueAttributes(r -> r.queueUrl(a).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive(s.arn(b), 1))));
        s.sqs.sendMessage(r -> r.queueUrl(a).messageBody("ping"));
        assertThat(receive(a)).hasSize(1);
        s.advanceSeconds(1);
        assertThat(receive(a)).isEmpty();
        assertThat(receive(b)).hasSize(1);
    }
}
