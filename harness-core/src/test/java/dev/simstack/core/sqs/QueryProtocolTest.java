package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Older clients (AWS CLI 2.9, boto3 1.26) speak SQS's Query protocol; the same queues answer them in
 * XML, with the Query error codes. The requests here are signed only in their credential scope.
 */
class QueryProtocolTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDQUERY/20260101/us-east-1/sqs/"
            + "aws4_request, SignedHeaders=host, Signature=0";
    private final SqsTestSupport s = SqsTestSupport.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        s.close();
    }

    private HttpResponse<String> post(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(s.stack.endpoint()).header("Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8").header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2012-11-05")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void a_query_client_creates_sends_and_receives() throws Exception {
        HttpResponse<String> created = post("Action=CreateQueue&QueueName=legacy&Attribute.1.Name=VisibilityTimeout"
                + "&Attribute.1.Value=60&Tag.1.Key=team&Tag.1.Value=ops");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<CreateQueueResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">");
        String url = element(created.body(), "QueueUrl");
        assertThat(url).endsWith("/000000000000/legacy");

        HttpResponse<String> sent = post("Action=SendMessage&QueueUrl=" + encode(url) + "&MessageBody="
                + encode("<hello & goodbye>") + "&MessageAttribute.1.Name=k&MessageAttribute.1.Value.DataType=String"
                + "&MessageAttribute.1.Value.StringValue=v");
        assertThat(element(sent.body(), "MD5OfMessageBody")).isNotNull();
        assertThat(element(sent.body(), "MD5OfMessageAttributes")).isNotNull();

        HttpResponse<String> received = post("Action=ReceiveMessage&QueueUrl=" + encode(url)
                + "&AttributeName.1=All&MessageAttributeName.1=All");
        assertThat(element(received.body(), "Body")).isEqualTo("&lt;hello &amp; goodbye&gt;");
        assertThat(received.body()).contains("<Attribute><Name>SenderId</Name><Value>AKIDQUERY</Value></Attribute>")
                .contains("<MessageAttribute><Name>k</Name><Value><StringValue>v</StringValue>"
                        + "<DataType>String</DataType></Value></MessageAttribute>");

        Message viaSdk = s.sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().stream()
                .findFirst().orElse(null);
        assertThat(viaSdk).isNull();
        assertThat(s.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsEntry("team", "ops");
    }

    @Test
    void query_errors_carry_the_query_code_and_sender_type() throws Exception {
        HttpResponse<String> missing = post("Action=GetQueueUrl&QueueName=missing");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(element(missing.body(), "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(element(missing.body(), "Type")).isEqualTo("Sender");
        HttpResponse<String> unknown = post("Action=FlyToTheMoon");
        assertThat(element(unknown.body(), "Code")).isEqualTo("InvalidAction");
    }

    @Test
    void batch_results_use_the_query_entry_names() throws Exception {
        String url = s.createQueue("legacy");
        HttpResponse<String> batch = post("Action=SendMessageBatch&QueueUrl=" + encode(url)
                + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
                + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody="
                + encode("bad \u0001"));
        assertThat(batch.body()).contains("<SendMessageBatchResultEntry><Id>a</Id>")
                .contains("<BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault>"
                        + "<Code>InvalidMessageContents</Code>");
    }
}
