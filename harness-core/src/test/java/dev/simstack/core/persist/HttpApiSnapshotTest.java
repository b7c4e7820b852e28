package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An HTTP API built through apigatewayv2 answers the same after a reload: its integration's mapping and its
 * authorizers included.
 */
class HttpApiSnapshotTest {

    @TempDir
    Path dir;

    private static final StackConfig CONFIG = StackConfig.defaults().withQueue(QueueSpec.named("orders"));
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));

    private static ApiGatewayV2Client client(Stack stack) {
        return ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void an_http_api_with_its_routes_integrations_and_stages_survives() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        String apiId;
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayV2Client apis = client(stack)) {
            apiId = apis.createApi(b -> b.name("kept").protocolType(ProtocolType.HTTP)).apiId();
            String id = apiId;
            String integration = apis.createIntegration(b -> b.apiId(id).integrationType(IntegrationType.AWS_PROXY)
                    .integrationSubtype("SQS-SendMessage").payloadFormatVersion("1.0")
                    .requestParameters(Map.of("QueueUrl", stack.queue("orders").url(),
                            "MessageBody", "order ${request.path.id}"))).integrationId();
            apis.createRoute(b -> b.apiId(id).routeKey("POST /orders/{id}").target("integrations/" + integration));
            apis.createStage(b -> b.apiId(id).stageName("prod").autoDeploy(true));
            data.save(stack);
        }
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayV2Client apis = client(stack);
                SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String id = apiId;
            assertThat(apis.getRoutes(b -> b.apiId(id)).items()).extracting(Route::routeKey)
                    .containsExactly("POST /orders/{id}");
            assertThat(apis.getStage(b -> b.apiId(id).stageName("prod")).autoDeploy()).isTrue();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoint() + "/_aws/execute-api/" + id + "/prod/orders/7"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queue("orders").url())).messages())
                    .extracting(m -> m.body()).containsExactly("order 7");
        }
    }

    @Test
    void an_http_apis_authorizers_survive_and_still_guard_their_routes() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        String apiId;
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayV2Client apis = client(stack)) {
            apiId = apis.createApi(b -> b.name("guarded").protocolType(ProtocolType.HTTP)).apiId();
            String id = apiId;
            String integration = apis.createIntegration(b -> b.apiId(id).integrationType(IntegrationType.AWS_PROXY)
                    .integrationSubtype("SQS-SendMessage").payloadFormatVersion("1.0")
                    .requestParameters(Map.of("QueueUrl", stack.queue("orders").url(), "MessageBody", "x")))
                    .integrationId();
            String authorizer = apis.createAuthorizer(b -> b.apiId(id).name("issuer")
                    .authorizerType(AuthorizerType.JWT).identitySource("$request.header.Authorization")
                    .jwtConfiguration(c -> c.issuer("https://issuer.example").audience("api"))).authorizerId();
            apis.createRoute(b -> b.apiId(id).routeKey("POST /orders").target("integrations/" + integration)
                    .authorizationType(AuthorizationType.JWT).authorizerId(authorizer));
            apis.createStage(b -> b.apiId(id).stageName("prod").autoDeploy(true));
            data.save(stack);
        }
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayV2Client apis = client(stack)) {
            String id = apiId;
            assertThat(apis.getAuthorizers(b -> b.apiId(id)).items()).singleElement()
                    .satisfies(a -> assertThat(a.jwtConfiguration().issuer()).isEqualTo("https://issuer.example"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoint() + "/_aws/execute-api/" + id + "/prod/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
    }
}
