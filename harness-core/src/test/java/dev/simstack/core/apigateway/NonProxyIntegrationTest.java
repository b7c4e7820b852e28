package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Non-proxy integrations built call by call with the SDK, as AWS's "API Gateway to SQS" pattern does: request
 * and response mapping templates, passthrough behaviour, integration responses chosen by status.
 */
class NonProxyIntegrationTest {

    private static final String SEND_TEMPLATE = "Action=SendMessage&MessageBody=$input.body";

    private static Stack stack;
    private static ApiGatewayClient apis;
    private static SqsClient sqs;
    private String apiId;
    private String resourceId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(3).withQueue(QueueSpec.named("orders")).start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        apis = ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        apis.close();
        sqs.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("orders-to-sqs")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        resourceId = apis.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("orders")).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST").authorizationType("NONE"));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST").statusCode("200"));
    }

    private void sqsIntegration(String uri, String passthrough) {
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .type(IntegrationType.AWS).integrationHttpMethod("POST").uri(uri).passthroughBehavior(passthrough)
                .requestParameters(Map.of("integration.request.header.Content-Type",
                        "'application/x-www-form-urlencoded'"))
                .requestTemplates(Map.of("application/json", SEND_TEMPLATE)));
    }

    private HttpResponse<String> post(String body, String contentType) {
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/orders");
        return ApiTestSupport.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", contentType);
    }

    private Message receiveOne() {
        var messages = sqs.receiveMessage(b -> b.queueUrl(stack.queue("orders").url()).maxNumberOfMessages(10))
                .messages();
        assertThat(messages).hasSize(1);
        sqs.deleteMessage(b -> b.queueUrl(stack.queue("orders").url()).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    @Test
    void a_post_through_the_sqs_integration_sends_the_template_body_and_maps_sqs_answer() {
        sqsIntegration("arn:aws:apigateway:us-east-1:sqs:path/" + stack.queue("orders").arn().split(":")[4]
                + "/orders", "NEVER");
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("200").selectionPattern("").responseTemplates(Map.of("application/json",
                        "{\"messageId\":\"$input.path('$.SendMessageResponse.SendMessageResult.MessageId')\"}")));

        HttpResponse<String> answer = post("{\"order\":42}", "application/json");

        Message message = receiveOne();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"messageId\":\"" + message.messageId() + "\"}");
        assertThat(message.body()).isEqualTo("{\"order\":42}");
    }

    @Test
    void the_send_message_action_uri_takes_the_queue_url_from_the_template() {
        String url = stack.queue("orders").url();
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .type(IntegrationType.AWS).integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:sqs:action/SendMessage")
                .requestParameters(Map.of("integration.request.header.Content-Type",
                        "'application/x-www-form-urlencoded'"))
                .requestTemplates(Map.of("application/json", "QueueUrl=$util.urlEncode('" + url
                        + "')&MessageBody=$util.urlEncode($input.json('$.order'))")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("200"));

        HttpResponse<String> answer = post("{\"order\":{\"id\":\"a&b\"}}", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"SendMessageResponse\"");
        assertThat(receiveOne().body()).isEqualTo("{\"id\":\"a&b\"}");
    }

    @Test
    void an_sqs_error_is_answered_by_the_integration_response_its_status_selects() {
        sqsIntegration("arn:aws:apigateway:us-east-1:sqs:path/000000000000/no-such-queue", "WHEN_NO_MATCH");
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST").statusCode("400"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("400").selectionPattern("4\\d{2}")
                .responseParameters(Map.of("method.response.header.X-Error", "integration.response.body.Error.Code"))
                .responseTemplates(Map.of("application/json", "{\"error\":\"$input.path('$.Error.Code')\"}")));

        HttpResponse<String> answer = post("{}", "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"AWS.SimpleQueueService.NonExistentQueue\"}");
        assertThat(answer.headers().firstValue("X-Error")).hasValue("AWS.SimpleQueueService.NonExistentQueue");
    }

    @Test
    void a_content_type_without_template_is_415_when_passthrough_is_never() {
        sqsIntegration("arn:aws:apigateway:us-east-1:sqs:path/000000000000/orders", "NEVER");
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("200"));

        HttpResponse<String> answer = post("plain", "text/plain");

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).isEqualTo("{\"message\": \"Unsupported Media Type\"}");
    }

    @Test
    void a_mock_integration_answers_its_response_template_with_the_status_its_request_template_names() {
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST").statusCode("201"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json",
                        "{\"statusCode\": #if($input.path('$.create'))201#{else}200#end}")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .statusCode("201").selectionPattern("201")
                .responseParameters(Map.of("method.response.header.Location", "'/orders/1'"))
                .responseTemplates(Map.of("application/json",
                        "{\"stage\":\"$context.stage\",\"path\":\"$context.resourcePath\"}")));

        HttpResponse<String> created = post("{\"create\":true}", "application/json");
        HttpResponse<String> other = post("{}", "application/json");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"stage\":\"prod\",\"path\":\"/orders\"}");
        assertThat(created.headers().firstValue("Location")).hasValue("/orders/1");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEmpty();
    }

    @Test
    void no_integration_response_for_the_status_is_a_500() {
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));

        HttpResponse<String> answer = post("{}", "application/json");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }
}
