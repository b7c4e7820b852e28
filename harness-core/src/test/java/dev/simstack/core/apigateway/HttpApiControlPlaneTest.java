package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.RouteSettings;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** HTTP APIs built with the SDK's ApiGatewayV2Client, call by call, and served like declared ones. */
class HttpApiControlPlaneTest {

    private static Stack stack;
    private static ApiGatewayV2Client apis;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(4).withClock(ClockSpec.manual())
                .withQueue(QueueSpec.named("orders")).withQueue(QueueSpec.named("inbox"))
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class))
                .withApi(ApiSpec.http("declared").withThrottle(50, 20)
                        .withRoute("GET /hello/{name}", ApiSpec.Integration.lambda("echo"))
                        .withRoute(new ApiSpec.Route("POST /inbox", ApiSpec.Integration.sqs("inbox"), false, 1, 1)))
                .start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        apis = ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
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

    private static URI invoke(String apiId, String stage, String path) {
        return URI.create(stack.endpoint() + "/_aws/execute-api/" + apiId + "/" + stage + path);
    }

    private static String lambdaIntegration(String apiId, String version) {
        return apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion(version)).integrationId();
    }

    private static java.util.List<String> received(String queue) {
        return sqs.receiveMessage(b -> b.queueUrl(stack.queue(queue).url()).maxNumberOfMessages(10)).messages()
                .stream().map(Message::body).toList();
    }

    @Test
    void an_api_built_call_by_call_calls_its_function_with_a_2_0_event() {
        String apiId = apis.createApi(b -> b.name("items").protocolType(ProtocolType.HTTP)).apiId();
        String integration = lambdaIntegration(apiId, "2.0");
        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /items/{id}").target("integrations/" + integration));
        var stage = apis.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true));

        HttpResponse<String> response = ApiTestSupport.get(invoke(apiId, "$default", "/items/42?color=red"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\":\"2.0\"").contains("\"routeKey\":\"GET /items/{id}\"")
                .contains("\"pathParameters\":{\"id\":\"42\"}").contains("\"rawQueryString\":\"color=red\"");
        assertThat(stage.deploymentId()).isNotNull();
        assertThat(apis.getDeployments(b -> b.apiId(apiId)).items()).allMatch(d -> d.autoDeployed());
        assertThat(ApiTestSupport.get(invoke(apiId, "$default", "/other")).body())
                .isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void payload_format_1_0_gives_the_function_the_rest_apis_event() {
        String apiId = apis.createApi(b -> b.name("v1-events").protocolType(ProtocolType.HTTP)).apiId();
        String integration = lambdaIntegration(apiId, "1.0");
        apis.createRoute(b -> b.apiId(apiId).routeKey("POST /orders").target("integrations/" + integration));
        apis.createStage(b -> b.apiId(apiId).stageName("live"));

        HttpResponse<String> response = ApiTestSupport.post(invoke(apiId, "live", "/orders"), "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resource\":\"/orders\"").contains("\"httpMethod\":\"POST\"")
                .doesNotContain("\"version\":\"2.0\"");
    }

    @Test
    void quick_create_makes_the_integration_the_default_route_and_an_auto_deployed_default_stage() {
        var api = apis.createApi(b -> b.name("quick").protocolType(ProtocolType.HTTP)
                .target(stack.function("echo").arn()));

        Route route = apis.getRoutes(b -> b.apiId(api.apiId())).items().get(0);
        Stage stage = apis.getStages(b -> b.apiId(api.apiId())).items().get(0);
        HttpResponse<String> response = ApiTestSupport.get(invoke(api.apiId(), "$default", "/any/path"));

        assertThat(route.routeKey()).isEqualTo("$default");
        assertThat(route.apiGatewayManaged()).isTrue();
        assertThat(stage.stageName()).isEqualTo("$default");
        assertThat(stage.autoDeploy()).isTrue();
        assertThat(apis.getIntegration(b -> b.apiId(api.apiId()).integrationId(route.target().substring(13)))
                .payloadFormatVersion()).isEqualTo("2.0");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"routeKey\":\"$default\"");
    }

    @Test
    void the_sqs_send_message_integration_maps_the_request_onto_the_message() {
        String apiId = apis.createApi(b -> b.name("to-queue").protocolType(ProtocolType.HTTP)).apiId();
        String integration = apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationSubtype("SQS-SendMessage").payloadFormatVersion("1.0")
                .requestParameters(Map.of("QueueUrl", stack.queue("orders").url(),
                        "MessageBody", "${request.header.x-customer} ordered ${request.body.item} on ${context.stage}")))
                .integrationId();
        apis.createRoute(b -> b.apiId(apiId).routeKey("POST /orders").target("integrations/" + integration));
        apis.createStage(b -> b.apiId(apiId).stageName("prod"));

        HttpResponse<String> response = ApiTestSupport.post(invoke(apiId, "prod", "/orders"), "{\"item\":\"tea\"}",
                "x-customer", "ada");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"SendMessageResponse\"").contains("\"MessageId\"");
        assertThat(received("orders")).containsExactly("ada ordered tea on prod");
    }

    @Test
    void route_settings_throttle_a_route_on_the_stack_clock() {
        String apiId = apis.createApi(b -> b.name("throttled").protocolType(ProtocolType.HTTP)).apiId();
        String integration = lambdaIntegration(apiId, "2.0");
        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /tight").target("integrations/" + integration));
        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /loose").target("integrations/" + integration));
        apis.createStage(b -> b.apiId(apiId).stageName("prod").routeSettings(Map.of("GET /tight",
                RouteSettings.builder().throttlingBurstLimit(1).throttlingRateLimit(1.0).build())));

        assertThat(ApiTestSupport.get(invoke(apiId, "prod", "/tight")).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = ApiTestSupport.get(invoke(apiId, "prod", "/tight"));
        assertThat(ApiTestSupport.get(invoke(apiId, "prod", "/loose")).statusCode()).isEqualTo(200);
        stack.clock().advance(Duration.ofSeconds(1));
        assertThat(ApiTestSupport.get(invoke(apiId, "prod", "/tight")).statusCode()).isEqualTo(200);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void updating_a_route_key_moves_the_route_and_deleting_it_removes_it() {
        String apiId = apis.createApi(b -> b.name("moving").protocolType(ProtocolType.HTTP)).apiId();
        String integration = lambdaIntegration(apiId, "2.0");
        String routeId = apis.createRoute(b -> b.apiId(apiId).routeKey("GET /old").target("integrations/" + integration))
                .routeId();
        apis.createStage(b -> b.apiId(apiId).stageName("prod"));

        apis.updateRoute(b -> b.apiId(apiId).routeId(routeId).routeKey("GET /new"));
        int old = ApiTestSupport.get(invoke(apiId, "prod", "/old")).statusCode();
        int moved = ApiTestSupport.get(invoke(apiId, "prod", "/new")).statusCode();
        apis.deleteRoute(b -> b.apiId(apiId).routeId(routeId));

        assertThat(old).isEqualTo(404);
        assertThat(moved).isEqualTo(200);
        assertThat(ApiTestSupport.get(invoke(apiId, "prod", "/new")).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> apis.getRoute(b -> b.apiId(apiId).routeId(routeId)))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid Route identifier specified");
    }

    @Test
    void tags_on_an_api_and_a_stage_are_added_read_and_removed() {
        String apiId = apis.createApi(b -> b.name("tagged").protocolType(ProtocolType.HTTP)
                .tags(Map.of("team", "orders"))).apiId();
        apis.createStage(b -> b.apiId(apiId).stageName("prod"));
        String apiArn = "arn:aws:apigateway:us-east-1::/apis/" + apiId;

        apis.tagResource(b -> b.resourceArn(apiArn).tags(Map.of("cost", "7")));
        apis.tagResource(b -> b.resourceArn(apiArn + "/stages/prod").tags(Map.of("tier", "gold")));
        apis.untagResource(b -> b.resourceArn(apiArn).tagKeys("team"));

        assertThat(apis.getTags(b -> b.resourceArn(apiArn)).tags()).isEqualTo(Map.of("cost", "7"));
        assertThat(apis.getApi(b -> b.apiId(apiId)).tags()).isEqualTo(Map.of("cost", "7"));
        assertThat(apis.getStage(b -> b.apiId(apiId).stageName("prod")).tags()).isEqualTo(Map.of("tier", "gold"));
    }

    @Test
    void a_declared_api_is_listed_with_its_routes_and_keeps_serving_and_throttling_as_declared() {
        Api declared = apis.getApis(b -> { }).items().stream().filter(api -> api.name().equals("declared"))
                .findFirst().orElseThrow();
        String apiId = declared.apiId();

        assertThat(declared.protocolType()).isEqualTo(ProtocolType.HTTP);
        assertThat(apis.getRoutes(b -> b.apiId(apiId)).items()).extracting(Route::routeKey)
                .containsExactly("GET /hello/{name}", "POST /inbox");
        var stage = apis.getStage(b -> b.apiId(apiId).stageName("$default"));
        assertThat(stage.defaultRouteSettings().throttlingBurstLimit()).isEqualTo(20);
        assertThat(stage.routeSettings().get("POST /inbox").throttlingRateLimit()).isEqualTo(1.0);
        assertThat(apis.getIntegrations(b -> b.apiId(apiId)).items())
                .extracting(i -> i.integrationSubtype() == null ? i.payloadFormatVersion() : i.integrationSubtype())
                .containsExactly("2.0", "SQS-SendMessage");
        assertThat(ApiTestSupport.get(URI.create(stack.api("declared").url() + "/hello/ada")).body())
                .contains("\"name\":\"ada\"");
        assertThat(ApiTestSupport.post(URI.create(stack.api("declared").url() + "/inbox"), "first").statusCode())
                .isEqualTo(200);
        assertThat(ApiTestSupport.post(URI.create(stack.api("declared").url() + "/inbox"), "second").statusCode())
                .isEqualTo(429);
        assertThat(received("inbox")).containsExactly("first");
    }
}
