package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The engine's own deliveries (S3 notifications, API Gateway integrations, Lambda's dead-letter queue) go
 * through the services' typed ports; what arrives must be exactly what the wire would have carried.
 */
class DeliveryPathsTest {

    private static final String TEXT = "Grüße, 世界 😀 {\"order\": 42}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Stack stack;
    private SqsClient sqs;
    private S3Client s3;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        PortHandlers.clear();
        stack = StackConfig.defaults().withSeed(11)
                .withQueue(QueueSpec.named("uploads"))
                .withQueue(QueueSpec.named("inbox"))
                .withQueue(QueueSpec.named("copy"))
                .withQueue(QueueSpec.named("dead-letters"))
                .withFunction(FunctionSpec.named("on-upload", PortHandlers.RawEcho.class))
                .withFunction(FunctionSpec.named("proxy", PortHandlers.ProxyEcho.class))
                .withFunction(FunctionSpec.named("failing", PortHandlers.RawFailing.class))
                .withApi(ApiSpec.rest("shop")
                        .withRoute("POST /inbox", Integration.sqs("inbox"))
                        .withRoute("POST /echo", Integration.lambda("proxy")))
                .start();
        sqs = PortsSupport.sqs(stack);
        s3 = PortsSupport.s3(stack);
        lambda = PortsSupport.lambda(stack);
    }

    @AfterEach
    void stop() {
        lambda.close();
        s3.close();
        sqs.close();
        stack.close();
    }

    @Test
    void an_s3_notification_reaches_a_queue_and_a_function_as_the_same_event() {
        s3.createBucket(b -> b.bucket("receipts"));
        s3.putBucketNotificationConfiguration(n -> n.bucket("receipts").notificationConfiguration(c -> c
                .queueConfigurations(QueueConfiguration.builder().id("to-queue")
                        .queueArn(PortsSupport.queue(stack, "uploads").arn()).events(Event.S3_OBJECT_CREATED).build())
                .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().id("to-function")
                        .lambdaFunctionArn(PortsSupport.function(stack, "on-upload").arn())
                        .events(Event.S3_OBJECT_CREATED).build())));
        String url = PortsSupport.url(sqs, "uploads");
        receiveAll(url); // the s3:TestEvent sent when the configuration was put

        s3.putObject(p -> p.bucket("receipts").key("reçu 1/€.txt"), RequestBody.fromString(TEXT));

        await().atMost(Duration.ofSeconds(10)).until(() -> !PortHandlers.raw("on-upload").isEmpty());
        List<Message> messages = receiveAll(url);
        assertThat(messages).singleElement().satisfies(message -> {
            // the function got the very bytes the queue's message carries, but for its configuration's id
            String forFunction = message.body().replace("\"configurationId\":\"to-queue\"",
                    "\"configurationId\":\"to-function\"");
            assertThat(PortHandlers.raw("on-upload").peek()).isEqualTo(forFunction.getBytes(StandardCharsets.UTF_8));
            assertThat(message.body()).contains("\"key\":\"re%C3%A7u+1/%E2%82%AC.txt\"");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, stack.accountId());
            assertThat(message.messageAttributes()).isEmpty();
            assertThat(message.md5OfBody()).isEqualTo(md5OfWireSend(message.body()));
        });
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).singleElement()
                .satisfies(run -> assertThat(run.trigger()).isEqualTo("s3:receipts"));
    }

    @Test
    void an_api_sqs_integration_sends_the_request_body_as_a_client_send_would() throws Exception {
        HttpResponse<String> response = post("/inbox", TEXT.getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(response.body()).at("/SendMessageResponse/SendMessageResult");
        Message message = receiveAll(PortsSupport.url(sqs, "inbox")).get(0);
        assertThat(message.body()).isEqualTo(TEXT);
        assertThat(message.messageId()).isEqualTo(result.get("MessageId").asText());
        assertThat(message.md5OfBody()).isEqualTo(result.get("MD5OfMessageBody").asText())
                .isEqualTo(md5OfWireSend(TEXT));
        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, stack.accountId());
        assertThat(message.messageAttributes()).isEmpty();
    }

    @Test
    void an_api_lambda_proxy_hands_text_and_binary_bodies_over_unchanged() throws Exception {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] binary = {0, (byte) 0xff, (byte) 0xfe, '{', (byte) 0xc3, 0x28, '\n'};

        HttpResponse<byte[]> textAnswer = postForBytes("/echo", text, "text/plain; charset=utf-8");
        HttpResponse<byte[]> binaryAnswer = postForBytes("/echo", binary, "application/octet-stream");

        assertThat(textAnswer.body()).isEqualTo(text);
        assertThat(binaryAnswer.body()).isEqualTo(binary);
        List<JsonNode> events = PortHandlers.raw("proxy").stream().map(DeliveryPathsTest::json).toList();
        assertThat(events.get(0).get("body").asText()).isEqualTo(TEXT);
        assertThat(events.get(0).get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(events.get(1).get("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void a_failed_event_invocation_sends_its_payload_unchanged_to_the_dead_letter_queue() {
        lambda.updateFunctionConfiguration(b -> b.functionName("failing")
                .deadLetterConfig(d -> d.targetArn(PortsSupport.queue(stack, "dead-letters").arn())));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0));

        lambda.invoke(b -> b.functionName("failing").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(LambdaPortTest.PAYLOAD)));

        String url = PortsSupport.url(sqs, "dead-letters");
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.receiveMessage(b -> b.queueUrl(url)
                .visibilityTimeout(0)).hasMessages());
        Message dead = receiveAll(url).get(0);
        assertThat(dead.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(LambdaPortTest.PAYLOAD);
        assertThat(PortHandlers.raw("failing")).singleElement().isEqualTo(LambdaPortTest.PAYLOAD);
    }

    private String md5OfWireSend(String body) {
        return sqs.sendMessage(b -> b.queueUrl(PortsSupport.url(sqs, "copy")).messageBody(body)).md5OfMessageBody();
    }

    private List<Message> receiveAll(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) throws Exception {
        return HTTP.send(request(path, body, contentType), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> postForBytes(String path, byte[] body, String contentType) throws Exception {
        return HTTP.send(request(path, body, contentType), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, byte[] body, String contentType) {
        return HttpRequest.newBuilder(URI.create(stack.api("shop").url() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
