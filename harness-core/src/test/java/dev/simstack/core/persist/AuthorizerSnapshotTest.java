package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.apigateway.AuthorizerHandlers;
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
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** An API's Lambda authorizer, the method that uses it and a customised gateway response survive a reload. */
class AuthorizerSnapshotTest {

    @TempDir
    Path dir;

    private static final StackConfig CONFIG = StackConfig.defaults()
            .withFunction(FunctionSpec.named("token-auth", AuthorizerHandlers.Token.class));

    private static ApiGatewayClient client(Stack stack) {
        return ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static HttpResponse<String> get(Stack stack, String apiId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.endpoint() + "/restapis/" + apiId
                + "/prod/_user_request_/")).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_authorizer_its_method_and_a_gateway_response_survive() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        String apiId;
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayClient apis = client(stack)) {
            String id = apis.createRestApi(b -> b.name("guarded")).id();
            apiId = id;
            String root = apis.getRestApi(b -> b.restApiId(id)).rootResourceId();
            String authorizer = apis.createAuthorizer(b -> b.restApiId(id).name("token").type(AuthorizerType.TOKEN)
                    .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + stack.function("token-auth").arn() + "/invocations")
                    .identitySource("method.request.header.Authorization")).id();
            apis.putMethod(b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("CUSTOM")
                    .authorizerId(authorizer));
            apis.putIntegration(b -> b.restApiId(id).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                    .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
            apis.putMethodResponse(b -> b.restApiId(id).resourceId(root).httpMethod("GET").statusCode("200"));
            apis.putIntegrationResponse(b -> b.restApiId(id).resourceId(root).httpMethod("GET").statusCode("200"));
            apis.createDeployment(b -> b.restApiId(id).stageName("prod"));
            apis.putGatewayResponse(b -> b.restApiId(id).responseType(GatewayResponseType.UNAUTHORIZED)
                    .statusCode("401").responseParameters(Map.of("gatewayresponse.header.WWW-Authenticate", "'Bearer'")));
            data.save(stack);
        }
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayClient apis = client(stack)) {
            assertThat(apis.getAuthorizers(b -> b.restApiId(apiId)).items()).hasSize(1);
            HttpResponse<String> missing = get(stack, apiId, null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(get(stack, apiId, "Bearer deny").statusCode()).isEqualTo(403);
            assertThat(get(stack, apiId, "Bearer allow").statusCode()).isEqualTo(200);
        }
    }
}
