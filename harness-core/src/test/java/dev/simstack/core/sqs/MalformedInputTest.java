package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, every operation answers an AWS error (4xx), never an engine failure. */
class MalformedInputTest {

    private static final List<String> OPERATIONS = List.of("CreateQueue", "GetQueueUrl", "ListQueues", "DeleteQueue",
            "PurgeQueue", "GetQueueAttributes", "SetQueueAttributes", "TagQueue", "UntagQueue", "ListQueueTags",
            "SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage", "DeleteMessageBatch",
            "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "ListDeadLetterSourceQueues",
            "StartMessageMoveTask", "ListMessageMoveTasks", "CancelMessageMoveTask", "AddPermission",
            "RemovePermission");
    private static final List<String> MEMBERS = List.of("QueueName", "Attributes", "tags", "Tags", "TagKeys",
            "MessageBody", "DelaySeconds", "MessageAttributes", "MessageSystemAttributes", "MessageGroupId",
            "MessageDeduplicationId", "Entries", "MaxNumberOfMessages", "VisibilityTimeout", "WaitTimeSeconds",
            "AttributeNames", "MessageSystemAttributeNames", "MessageAttributeNames", "ReceiveRequestAttemptId",
            "ReceiptHandle", "MaxResults", "NextToken", "QueueNamePrefix", "SourceArn", "DestinationArn",
            "MaxNumberOfMessagesPerSecond", "TaskHandle", "Label", "AWSAccountIds", "Actions",
            "QueueOwnerAWSAccountId");
    private static final List<String> VALUES = List.of("null", "1.5", "-7", "true", "\"\"", "\"x\"", "[]", "[1]",
            "{}", "{\"k\":1}", "{\"k\":{\"DataType\":\"Number\",\"StringValue\":\"zz\"}}", "[{\"Id\":\"a\"}]",
            "[{\"Id\":\"a\",\"MessageBody\":7}]", "\"99999999999999999999\"");

    private final SqsTestSupport s = SqsTestSupport.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        s.close();
    }

    private HttpResponse<String> call(String operation, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.stack.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonSQS." + operation).header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_operation_answers_odd_members_with_an_aws_error() throws Exception {
        for (String operation : OPERATIONS) {
            // A queue per operation and per member: some calls succeed, and DeleteQueue deletes.
            assertAwsAnswer(operation, "{}");
            assertAwsAnswer(operation, "{\"QueueUrl\":5}");
            for (String member : MEMBERS) {
                String url = s.createQueue("q-" + operation + "-" + member);
                for (String value : VALUES) {
                    assertAwsAnswer(operation, "{\"QueueUrl\":\"" + url + "\",\"" + member + "\":" + value + "}");
                }
            }
        }
    }

    private void assertAwsAnswer(String operation, String body) throws Exception {
        HttpResponse<String> response = call(operation, body);
        assertThat(response.statusCode()).as(operation + " " + body + " -> " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.body()).as(operation + " " + body).contains("\"__type\"")
                    .doesNotContain("InternalFailure");
        }
    }
}
