package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.GatewayResponse;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * Gateway responses through the SDK and over HTTP: every type's default, a customised response's status,
 * headers and template with {@code $context.error.*}, DEFAULT_4XX standing for the types an API leaves alone,
 * and integrations' own answers left untouched.
 */
class GatewayResponseTest {

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;
    private String ordersId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(7)
                .withFunction(FunctionSpec.named("token-auth", AuthorizerHandlers.Token.class))
                .withFunction(FunctionSpec.named("no-order", NoOrder.class)).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    /** A Lambda proxy that answers 404 itself: an integration's answer, which no gateway response replaces. */
    public static final class NoOrder implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("statusCode", 404, "body", "{\"message\":\"no order\"}");
        }
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("responses")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        ordersId = apis.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("orders")).id();
        String authorizer = apis.createAuthorizer(b -> b.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
                .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + stack.function("token-auth").arn() + "/invocations")
                .identitySource("method.request.header.Authorization")).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").authorizationType("CUSTOM")
                .authorizerId(authorizer));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function("no-order").arn()
                        + "/invocations"));
    }

    private HttpResponse<String> get(String path, String... headers) {
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        return ApiTestSupport.get(URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_" + path),
                headers);
    }

    @Test
    void every_type_has_a_default_response_with_its_status_and_the_message_template() {
        var items = apis.getGatewayResponses(b -> b.restApiId(apiId)).items();

        assertThat(items).hasSize(21).allMatch(GatewayResponse::defaultResponse);
        var unauthorized = apis.getGatewayResponse(b -> b.restApiId(apiId)
                .responseType(GatewayResponseType.UNAUTHORIZED));
        assertThat(unauthorized.statusCode()).isEqualTo("401");
        assertThat(unauthorized.responseTemplates())
                .isEqualTo(Map.of("application/json", "{\"message\":$context.error.messageString}"));
        assertThat(apis.getGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.DEFAULT_4_XX))
                .statusCode()).isNull();
    }

    @Test
    void a_customised_unauthorized_response_sets_status_headers_and_body() {
        apis.putGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.UNAUTHORIZED)
                .statusCode("407").responseParameters(Map.of("gatewayresponse.header.WWW-Authenticate", "'Bearer'"))
                .responseTemplates(Map.of("application/json",
                        "{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\"}")));

        HttpResponse<String> answer = get("/orders");

        assertThat(answer.statusCode()).isEqualTo(407);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(answer.body()).isEqualTo("{\"error\":\"Unauthorized\",\"type\":\"UNAUTHORIZED\"}");
        assertThat(apis.getGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.UNAUTHORIZED))
                .defaultResponse()).isFalse();
    }

    @Test
    void default_4xx_stands_for_the_types_the_api_leaves_alone_but_not_for_integration_answers() {
        apis.putGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.DEFAULT_4_XX)
                .responseParameters(Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'")));

        HttpResponse<String> missing = get("/nowhere");
        HttpResponse<String> denied = get("/orders", "Authorization", "Bearer deny");
        HttpResponse<String> integration = get("/orders", "Authorization", "Bearer allow");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(integration.statusCode()).isEqualTo(404);
        assertThat(integration.body()).isEqualTo("{\"message\":\"no order\"}");
        assertThat(integration.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void update_customises_a_default_and_delete_restores_it() {
        apis.updateGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
                .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/statusCode").value("404").build(),
                        PatchOperation.builder().op(Op.ADD).path("/responseTemplates/application~1json")
                                .value("{\"message\":\"No such route\"}").build()));

        HttpResponse<String> customised = get("/nowhere");
        apis.deleteGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
        HttpResponse<String> restored = get("/nowhere");

        assertThat(customised.statusCode()).isEqualTo(404);
        assertThat(customised.body()).isEqualTo("{\"message\":\"No such route\"}");
        assertThat(restored.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> apis.deleteGatewayResponse(b -> b.restApiId(apiId)
                .responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_customised_bad_request_parameters_response_renders_the_validator_message() {
        String validator = apis.createRequestValidator(b -> b.restApiId(apiId).name("params")
                .validateRequestParameters(true)).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST").authorizationType("NONE")
                .requestValidatorId(validator).requestParameters(Map.of("method.request.querystring.id", true)));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.BAD_REQUEST_PARAMETERS)
                .responseTemplates(Map.of("application/json", "{\"error\":\"$context.error.message\"}")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));

        HttpResponse<String> answer = ApiTestSupport.post(URI.create(stack.endpoint() + "/restapis/" + apiId
                + "/prod/_user_request_/orders"), "{}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Missing required request parameters: [id]\"}");
    }
}
