package dev.simstack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query requests as botocore and the SQS Developer Guide's examples write them, beyond the SDK's habits. */
class QueryProtocolClientHabitsTest {

    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, "
            + "SignedHeaders=host, Signature=0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(3).withQueue(QueueSpec.named("habits")).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoint() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2012-11-05")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String queueUrl() {
        return java.net.URLEncoder.encode(stack.queue("habits").url(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void an_empty_batch_sent_as_an_empty_member_gets_empty_batch_request() throws Exception {
        HttpResponse<String> response = post("/", "Action=DeleteMessageBatch&QueueUrl=" + queueUrl() + "&Entries=");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AWS.SimpleQueueService.EmptyBatchRequest</Code>");
    }

    @Test
    void empty_attribute_name_lists_are_empty_lists() throws Exception {
        HttpResponse<String> receive = post("/", "Action=ReceiveMessage&QueueUrl=" + queueUrl()
                + "&AttributeNames=&MessageAttributeNames=");
        assertThat(receive.statusCode()).isEqualTo(200);
        HttpResponse<String> untag = post("/", "Action=UntagQueue&QueueUrl=" + queueUrl() + "&TagKeys=");
        assertThat(untag.statusCode()).isNotEqualTo(500);
        assertThat(untag.body()).doesNotContain("MalformedQueryString");
    }

    @Test
    void a_request_posted_to_the_queue_url_needs_no_queue_url_parameter() throws Exception {
        String path = URI.create(stack.queue("habits").url()).getPath();
        HttpResponse<String> send = post(path, "Action=SendMessage&MessageBody=hello");
        assertThat(send.statusCode()).isEqualTo(200);
        assertThat(send.body()).contains("<MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592</MD5OfMessageBody>");
        HttpResponse<String> receive = post(path, "Action=ReceiveMessage");
        assertThat(receive.body()).contains("<Body>hello</Body>");
    }
}
