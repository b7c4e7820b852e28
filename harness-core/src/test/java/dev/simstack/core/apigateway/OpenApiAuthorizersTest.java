package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;

/** OpenAPI import and export of a REST API's Lambda authorizers: security schemes and the methods' security. */
class OpenApiAuthorizersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static ApiGatewayClient apis;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(22)
                .withFunction(FunctionSpec.named("token-auth", AuthorizerHandlers.Token.class)).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    private static String uri() {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function("token-auth").arn()
                + "/invocations";
    }

    /** A guarded GET / answered by a mock, as an OpenAPI 3.0 definition with a TOKEN authorizer. */
    private static String definition(String type) {
        return """
                {"openapi": "3.0.1", "info": {"title": "guarded", "version": "1"},
                 "paths": {"/": {"get": {
                   "security": [{"token": []}],
                   "responses": {"200": {"description": "ok"}},
                   "x-amazon-apigateway-integration": {"type": "mock",
                     "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
                     "responses": {"default": {"statusCode": "200",
                       "responseTemplates": {"application/json": "{\\"ok\\": true}"}}}}}}},
                 "components": {"securitySchemes": {"token": {
                   "type": "apiKey", "name": "Authorization", "in": "header",
                   "x-amazon-apigateway-authtype": "custom",
                   "x-amazon-apigateway-authorizer": {"type": "TYPE", "authorizerUri": "URI",
                     "authorizerResultTtlInSeconds": 0}}}}}
                """.replace("URI", uri()).replace("TYPE", type);
    }

    private static String importDeployed(String definition) {
        String apiId = apis.importRestApi(b -> b.body(SdkBytes.fromUtf8String(definition))).id();
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        return apiId;
    }

    private static HttpResponse<String> get(String apiId, String token) {
        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/");
        return token == null ? ApiTestSupport.get(uri) : ApiTestSupport.get(uri, "Authorization", token);
    }

    @Test
    void an_imported_security_scheme_is_a_token_authorizer_named_after_it() {
        String apiId = importDeployed(definition("token"));

        Authorizer authorizer = apis.getAuthorizers(b -> b.restApiId(apiId)).items().get(0);
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        var method = apis.getMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET"));

        assertThat(authorizer.name()).isEqualTo("token");
        assertThat(authorizer.type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(authorizer.authorizerUri()).isEqualTo(uri());
        assertThat(authorizer.identitySource()).isEqualTo("method.request.header.Authorization");
        assertThat(authorizer.authorizerResultTtlInSeconds()).isZero();
        assertThat(authorizer.authType()).isEqualTo("custom");
        assertThat(method.authorizationType()).isEqualTo("CUSTOM");
        assertThat(method.authorizerId()).isEqualTo(authorizer.id());
        assertThat(method.apiKeyRequired()).isFalse();
    }

    @Test
    void an_imported_authorizer_allows_and_denies_requests() {
        String apiId = importDeployed(definition("token"));

        HttpResponse<String> allowed = get(apiId, "Bearer allow");
        HttpResponse<String> denied = get(apiId, "Bearer deny");
        HttpResponse<String> anonymous = get(apiId, null);

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("{\"ok\": true}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body())
                .isEqualTo("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void an_export_with_extensions_carries_the_authorizer_and_imports_as_the_same_api() throws Exception {
        String apiId = importDeployed(definition("token"));

        String exported = apis.getExport(b -> b.restApiId(apiId).stageName("prod").exportType("oas30")
                .parameters(Map.of("extensions", "authorizers"))).body().asUtf8String();
        JsonNode scheme = JSON.readTree(exported).path("components").path("securitySchemes").path("token");
        String again = importDeployed(exported);

        assertThat(scheme.path("x-amazon-apigateway-authtype").asText()).isEqualTo("custom");
        assertThat(scheme.path("x-amazon-apigateway-authorizer").path("type").asText()).isEqualTo("token");
        assertThat(scheme.path("x-amazon-apigateway-authorizer").path("authorizerUri").asText()).isEqualTo(uri());
        assertThat(JSON.readTree(exported).path("paths").path("/").path("get").path("security").toString())
                .isEqualTo("[{\"token\":[]}]");
        assertThat(get(again, "Bearer deny").statusCode()).isEqualTo(403);
        assertThat(get(again, "Bearer allow").statusCode()).isEqualTo(200);
    }

    @Test
    void an_authorizer_aws_would_refuse_refuses_the_import() {
        assertThatThrownBy(() -> apis.importRestApi(b -> b.body(SdkBytes.fromUtf8String(definition("jwt")))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Errors found during import: Unable to create authorizer 'token': "
                        + "Invalid authorizer type specified. Must be one of [COGNITO_USER_POOLS, REQUEST, TOKEN]; "
                        + "got JWT");
    }
}
