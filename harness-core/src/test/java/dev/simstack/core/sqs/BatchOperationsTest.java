package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

class BatchOperationsTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private List<Message> sendAndReceive(int count) {
        s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.range(0, count)
                .mapToObj(i -> entry("e" + i, "m" + i)).collect(Collectors.toList())));
        return s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    }

    @Test
    void send_message_batch_sends_every_entry_and_the_sdk_accepts_each_digest() {
        SendMessageBatchResponse response = s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                entry("a", "one"), SendMessageBatchRequestEntry.builder().id("b").messageBody("two")
                        .messageAttributes(Map.of("k", MessageAttributeValue.builder().dataType("String")
                                .stringValue("v").build())).build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(response.successful().get(1).md5OfMessageAttributes()).isNotNull();
        assertThat(response.failed()).isEmpty();
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void an_invalid_entry_fails_alone() {
        SendMessageBatchResponse response = s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("good", "ok"),
                entry("bad", "bad \u0000 body"), SendMessageBatchRequestEntry.builder().id("late").messageBody("x")
                        .delaySeconds(901).build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("good");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code,
                BatchResultErrorEntry::senderFault).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bad", "InvalidMessageContents", true),
                        org.assertj.core.groups.Tuple.tuple("late", "InvalidParameterValue", true));
    }

    @Test
    void batch_requests_are_checked_before_any_entry() {
        List<SendMessageBatchRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> entry("e" + i, "m"))
                .collect(Collectors.toList());
        assertThatThrownBy(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class)
                .hasMessageContaining("Maximum number of entries per request are 10. You have sent 11.")
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.TooManyEntriesInBatchRequest"));
        assertThatThrownBy(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(new ArrayList<>())))
                .isInstanceOf(EmptyBatchRequestException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.EmptyBatchRequest"));
        assertThatThrownBy(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("x", "1"), entry("x", "2"))))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class).hasMessageContaining("Id x repeated.");
        assertThatThrownBy(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("not valid!", "1"))))
                .isInstanceOf(InvalidBatchEntryIdException.class);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void a_batch_over_one_mebibyte_in_total_fails_with_batch_request_too_long() {
        String big = "x".repeat(300_000);
        assertThatThrownBy(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("a", big), entry("b", big),
                entry("c", big), entry("d", big)))).isInstanceOf(BatchRequestTooLongException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.BatchRequestTooLong"));
        s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("a", big), entry("b", big), entry("c", big)));
    }

    @Test
    void delete_message_batch_deletes_each_and_reports_bad_handles_per_entry() {
        List<Message> received = sendAndReceive(3);
        DeleteMessageBatchResponse response = s.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("0").receiptHandle(received.get(0).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("1").receiptHandle(received.get(1).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("bad").receiptHandle("garbage").build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("0", "1");
        assertThat(response.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("bad");
            assertThat(f.code()).isEqualTo("ReceiptHandleIsInvalid");
        });
        s.advanceSeconds(30);
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::messageId).containsExactly(received.get(2).messageId());
    }

    @Test
    void change_message_visibility_batch_changes_each_and_reports_failures_per_entry() {
        List<Message> received = sendAndReceive(2);
        ChangeMessageVisibilityBatchResponse response = s.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url)
                .entries(ChangeMessageVisibilityBatchRequestEntry.builder().id("now")
                        .receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0).build(),
                        ChangeMessageVisibilityBatchRequestEntry.builder().id("later")
                                .receiptHandle(received.get(1).receiptHandle()).visibilityTimeout(100).build(),
                        ChangeMessageVisibilityBatchRequestEntry.builder().id("bad").receiptHandle("garbage")
                                .visibilityTimeout(1).build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("now", "later");
        assertThat(response.failed()).extracting(BatchResultErrorEntry::id).containsExactly("bad");
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::messageId).containsExactly(received.get(0).messageId());
    }
}
