package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The SDK picks its exception class from the JSON error's {@code __type} and the error code from the
 * {@code x-amzn-query-error} header; both, and the HTTP status, must be AWS's.
 */
class SqsErrorCodesTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");

    @AfterEach
    void close() {
        s.close();
    }

    private static void assertError(ThrowingCallable call, Class<? extends SqsException> type, String code,
            int status) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            SqsException error = (SqsException) e;
            assertThat(error.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
            assertThat(error.statusCode()).as("status").isEqualTo(status);
        });
    }

    @Test
    void every_modelled_error_reaches_the_sdk_as_its_exception_class_and_query_code() {
        String missing = s.stack.endpoint() + "/000000000000/missing";
        assertError(() -> s.sqs.sendMessage(b -> b.queueUrl(missing).messageBody("x")),
                QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue", 400);
        assertError(() -> s.createQueue("orders", Map.of(QueueAttributeName.DELAY_SECONDS, "5")),
                QueueNameExistsException.class, "QueueAlreadyExists", 400);
        assertError(() -> s.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("%%%")),
                ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404);
        assertError(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("Nope", "1"))),
                InvalidAttributeNameException.class, "InvalidAttributeName", 400);
        assertError(() -> s.sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.DELAY_SECONDS, "1000"))), InvalidAttributeValueException.class,
                "InvalidAttributeValue", 400);
        assertError(() -> s.sqs.sendMessage(b -> b.queueUrl(url).messageBody("\uFFFF")),
                InvalidMessageContentsException.class, "InvalidMessageContents", 400);
    }

    @Test
    void unmodelled_errors_reach_the_sdk_as_sqs_exception_with_their_code() {
        assertError(() -> s.sqs.sendMessage(b -> b.queueUrl(url)), SqsException.class, "MissingParameter", 400);
        assertError(() -> s.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(50)), SqsException.class,
                "InvalidParameterValue", 400);
    }

    @Test
    void a_malformed_queue_url_fails_with_invalid_address() {
        assertThatThrownBy(() -> s.sqs.sendMessage(b -> b.queueUrl("orders").messageBody("x")))
                .isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidAddress"));
    }

    @Test
    void an_unknown_json_operation_fails_with_unknown_operation() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.stack.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonSQS.FlyToTheMoon").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }

    @Test
    void a_wrongly_typed_member_fails_with_a_serialization_error_not_a_crash() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.stack.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonSQS.SendMessage").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"QueueUrl\":\"" + url + "\",\"MessageBody\":{\"a\":1}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SerializationException");
    }
}
