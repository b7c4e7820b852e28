package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** The HTTP API control plane's refusals: AWS's exception, status and message. */
class HttpApiControlPlaneErrorsTest {

    private static final String BAD_ROUTE_KEY = "The provided route key is not formatted properly for HTTP protocol."
            + " Format should be \"<HTTP METHOD> /<RESOURCE PATH>\" or \"$default\"";

    private static Stack stack;
    private static ApiGatewayV2Client apis;
    private static String apiId;
    private static String integrationId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(5)
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class)).start();
        apis = ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        apiId = apis.createApi(b -> b.name("errors").protocolType(ProtocolType.HTTP)).apiId();
        integrationId = apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion("2.0")).integrationId();
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    private static String body(ApiGatewayV2Exception e) {
        return e.awsErrorDetails().rawResponse().asUtf8String();
    }

    @Test
    void an_unknown_api_is_a_404_not_found_exception_naming_the_account_and_id() {
        assertThatThrownBy(() -> apis.getApi(b -> b.apiId("nope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid API identifier specified 000000000000:nope");
                    assertThat(body(e)).contains("\"message\":\"Invalid API identifier specified 000000000000:nope\"");
                });
    }

    @Test
    void unknown_routes_integrations_stages_and_deployments_are_404s() {
        assertThatThrownBy(() -> apis.getRoute(b -> b.apiId(apiId).routeId("nope")))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid Route identifier specified");
        assertThatThrownBy(() -> apis.getIntegration(b -> b.apiId(apiId).integrationId("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid Integration identifier specified");
        assertThatThrownBy(() -> apis.getStage(b -> b.apiId(apiId).stageName("nope")))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid stage identifier specified");
        assertThatThrownBy(() -> apis.getDeployment(b -> b.apiId(apiId).deploymentId("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid Deployment identifier specified");
    }

    @Test
    void a_route_key_that_is_not_method_and_path_or_default_is_refused_with_awss_message() {
        for (String key : new String[] {"POST/orders", "FETCH /orders", "GET orders", "$other"}) {
            assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey(key)))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo(BAD_ROUTE_KEY));
        }
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("GET /{proxy+}/more")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("must be the last part of the path");
    }

    @Test
    void a_second_route_with_the_same_key_is_a_conflict() {
        apis.createRoute(b -> b.apiId(apiId).routeKey("ANY /twice"));

        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("ANY /twice")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Route with key ANY /twice already exists for this API");
                });
    }

    @Test
    void a_route_must_target_an_integration_of_its_api() {
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("GET /lost").target("integrations/x")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid target specified: "
                        + "integrations/x; a route's target is integrations/ and the id of one of the API's integrations");
    }

    @Test
    void websocket_apis_are_refused_saying_what_to_use() {
        assertThatThrownBy(() -> apis.createApi(b -> b.name("chat").protocolType(ProtocolType.WEBSOCKET)
                .routeSelectionExpression("$request.body.action")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("SimStack serves HTTP APIs only: protocolType WEBSOCKET is not supported;"
                                + " create the API with protocolType HTTP"));
    }

    @Test
    void http_proxy_integrations_are_refused_naming_the_ones_taken() {
        assertThatThrownBy(() -> apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
                .integrationUri("https://example.com").integrationMethod("ANY").payloadFormatVersion("1.0")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Integration type HTTP_PROXY is not supported: SimStack's HTTP API integrations"
                                + " are AWS_PROXY to a Lambda function (payloadFormatVersion 1.0 or 2.0) and AWS_PROXY"
                                + " with integrationSubtype SQS-SendMessage"));
        assertThatThrownBy(() -> apis.createApi(b -> b.name("proxy").protocolType(ProtocolType.HTTP)
                .target("https://example.com")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Integration type HTTP_PROXY");
    }

    @Test
    void send_message_integrations_need_queue_url_and_message_body() {
        assertThatThrownBy(() -> apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationSubtype("SQS-SendMessage").requestParameters(Map.of("QueueUrl", "https://q/1/q"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Parameter MessageBody is required for integration subtype SQS-SendMessage");
        assertThatThrownBy(() -> apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationSubtype("SQS-ReceiveMessage").requestParameters(Map.of("QueueUrl", "https://q/1/q"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Integration subtype SQS-ReceiveMessage is not supported");
    }

    @Test
    void an_integration_a_route_targets_cannot_be_deleted() {
        String held = apis.createApi(b -> b.name("held").protocolType(ProtocolType.HTTP)).apiId();
        String integration = apis.createIntegration(b -> b.apiId(held).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion("2.0")).integrationId();
        apis.createRoute(b -> b.apiId(held).routeKey("GET /held").target("integrations/" + integration));

        assertThatThrownBy(() -> apis.deleteIntegration(b -> b.apiId(held).integrationId(integration)))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Integration " + integration + " is the target of route GET /held");
    }

    @Test
    void deployments_need_routes_and_a_deployment_in_use_by_a_stage_stays() {
        String empty = apis.createApi(b -> b.name("empty").protocolType(ProtocolType.HTTP)).apiId();
        assertThatThrownBy(() -> apis.createDeployment(b -> b.apiId(empty)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Unable to deploy API because no routes exist in this API");

        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /deployed").target("integrations/" + integrationId));
        apis.createStage(b -> b.apiId(apiId).stageName("beta"));
        String deployment = apis.createDeployment(b -> b.apiId(apiId).stageName("beta").description("first"))
                .deploymentId();
        assertThat(apis.getStage(b -> b.apiId(apiId).stageName("beta")).deploymentId()).isEqualTo(deployment);
        assertThatThrownBy(() -> apis.deleteDeployment(b -> b.apiId(apiId).deploymentId(deployment)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Active stages pointing to this deployment must be moved or deleted");
        assertThatThrownBy(() -> apis.createStage(b -> b.apiId(apiId).stageName("beta")))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("Stage beta already exists");
    }

    @Test
    void a_deleted_api_is_gone() {
        String gone = apis.createApi(b -> b.name("gone").protocolType(ProtocolType.HTTP)).apiId();

        apis.deleteApi(b -> b.apiId(gone));

        assertThatThrownBy(() -> apis.getApi(b -> b.apiId(gone))).isInstanceOf(NotFoundException.class);
        assertThat(apis.getApis(b -> { }).items()).noneMatch(api -> api.apiId().equals(gone));
    }
}
