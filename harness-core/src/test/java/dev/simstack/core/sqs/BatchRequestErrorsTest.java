package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** The errors that refuse a whole batch request, with AWS's exception, code, status and message. */
class BatchRequestErrorsTest {

    private static final String ID_RULE = "A batch entry id can only contain alphanumeric characters, hyphens and "
            + "underscores. It can be at most 80 letters long.";

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private static void assertRefused(ThrowingCallable call, Class<? extends SqsException> type, String code,
            String message) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            SqsException error = (SqsException) e;
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService." + code);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static List<SendMessageBatchRequestEntry> sends(String... ids) {
        return List.of(ids).stream().map(id -> SendMessageBatchRequestEntry.builder().id(id).messageBody("m").build())
                .collect(Collectors.toList());
    }

    private static List<DeleteMessageBatchRequestEntry> deletes(String... ids) {
        return List.of(ids).stream().map(id -> DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle("h")
                .build()).collect(Collectors.toList());
    }

    private static List<ChangeMessageVisibilityBatchRequestEntry> changes(String... ids) {
        return List.of(ids).stream().map(id -> ChangeMessageVisibilityBatchRequestEntry.builder().id(id)
                .receiptHandle("h").visibilityTimeout(1).build()).collect(Collectors.toList());
    }

    private static String[] ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "e" + i).toArray(String[]::new);
    }

    @Test
    void an_empty_batch_names_the_operations_entry_shape() {
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(sends())),
                EmptyBatchRequestException.class, "EmptyBatchRequest",
                "There should be at least one SendMessageBatchRequestEntry in the request.");
        assertRefused(() -> s.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes())),
                EmptyBatchRequestException.class, "EmptyBatchRequest",
                "There should be at least one DeleteMessageBatchRequestEntry in the request.");
        assertRefused(() -> s.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(changes())),
                EmptyBatchRequestException.class, "EmptyBatchRequest",
                "There should be at least one ChangeMessageVisibilityBatchRequestEntry in the request.");
    }

    @Test
    void more_than_ten_entries_are_too_many_in_every_batch_operation() {
        String message = "Maximum number of entries per request are 10. You have sent 11.";
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(sends(ids(11)))),
                TooManyEntriesInBatchRequestException.class, "TooManyEntriesInBatchRequest", message);
        assertRefused(() -> s.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes(ids(11)))),
                TooManyEntriesInBatchRequestException.class, "TooManyEntriesInBatchRequest", message);
        assertRefused(() -> s.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(changes(ids(11)))),
                TooManyEntriesInBatchRequestException.class, "TooManyEntriesInBatchRequest", message);
    }

    @Test
    void the_first_repeated_id_is_named() {
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(sends("a", "b", "b", "a"))),
                BatchEntryIdsNotDistinctException.class, "BatchEntryIdsNotDistinct", "Id b repeated.");
        assertRefused(() -> s.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes("a", "a"))),
                BatchEntryIdsNotDistinctException.class, "BatchEntryIdsNotDistinct", "Id a repeated.");
        assertRefused(() -> s.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(changes("c", "c"))),
                BatchEntryIdsNotDistinctException.class, "BatchEntryIdsNotDistinct", "Id c repeated.");
    }

    @Test
    void ids_are_1_to_80_letters_digits_hyphens_and_underscores() {
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(sends("not valid!"))),
                InvalidBatchEntryIdException.class, "InvalidBatchEntryId", ID_RULE);
        assertRefused(() -> s.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes("x".repeat(81)))),
                InvalidBatchEntryIdException.class, "InvalidBatchEntryId", ID_RULE);
        assertRefused(() -> s.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(changes("a.b"))),
                InvalidBatchEntryIdException.class, "InvalidBatchEntryId", ID_RULE);
        s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(sends("x".repeat(80), "A-b_9")));
    }

    @Test
    void a_batch_of_more_than_one_mebibyte_in_total_is_refused_whole() {
        String big = "x".repeat(262_145);
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.range(0, 4)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(big).build())
                .collect(Collectors.toList()))), BatchRequestTooLongException.class, "BatchRequestTooLong",
                "Batch requests cannot be longer than 1048576 bytes. You have sent 1048580 bytes.");
        assertThat(s.sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void the_total_is_checked_before_the_queues_maximum_message_size() {
        String small = s.createQueue("small", Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024"));
        String big = "x".repeat(300_000);
        assertRefused(() -> s.sqs.sendMessageBatch(b -> b.queueUrl(small).entries(IntStream.range(0, 4)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(big).build())
                .collect(Collectors.toList()))), BatchRequestTooLongException.class, "BatchRequestTooLong",
                "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.");
    }
}
