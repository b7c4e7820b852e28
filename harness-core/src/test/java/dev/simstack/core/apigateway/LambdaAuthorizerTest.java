package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * Lambda authorizers (TOKEN and REQUEST) at CUSTOM methods built with the SDK, called over HTTP: AWS's 401, 403
 * and 500 answers, the policy evaluated against the method ARN, the context handed to the integration, and the
 * cache by identity on the stack's (manual) clock.
 */
class LambdaAuthorizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;
    private String ordersId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(5).withClock(ClockSpec.manual())
                .withFunction(FunctionSpec.named("token-auth", AuthorizerHandlers.Token.class))
                .withFunction(FunctionSpec.named("request-auth", AuthorizerHandlers.Request.class))
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class)).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("guarded")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        ordersId = apis.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("orders")).id();
    }

    static String uri(String functionName) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function(functionName).arn()
                + "/invocations";
    }

    private String tokenAuthorizer(int ttl) {
        return apis.createAuthorizer(b -> b.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
                .authorizerUri(uri("token-auth")).identitySource("method.request.header.Authorization")
                .identityValidationExpression("Bearer .+").authorizerResultTtlInSeconds(ttl)).id();
    }

    /** {@code httpMethod /orders} behind {@code authorizerId}, a Lambda proxy to the echo function; deployed. */
    private void guarded(String httpMethod, String authorizerId) {
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod(httpMethod).authorizationType("CUSTOM")
                .authorizerId(authorizerId));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod(httpMethod)
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri("echo")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
    }

    private URI orders(String query) {
        return URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/orders" + query);
    }

    private int invocations(String function) {
        return stack.function(function).invocations().size();
    }

    @Test
    void a_token_the_policy_allows_reaches_the_integration_with_the_principal_and_context() throws Exception {
        guarded("GET", tokenAuthorizer(0));

        HttpResponse<String> answer = ApiTestSupport.get(orders(""), "Authorization", "Bearer allow");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode authorizer = JSON.readTree(answer.body()).path("requestContext").path("authorizer");
        assertThat(JSON.convertValue(authorizer, Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "principalId", "user-ada", "user", "ada", "tier", "3", "admin", "true", "type", "TOKEN",
                "integrationLatency", 0));
    }

    @Test
    void a_request_without_the_token_header_is_401_and_the_function_is_not_called() {
        guarded("GET", tokenAuthorizer(0));
        int before = invocations("token-auth");

        HttpResponse<String> answer = ApiTestSupport.get(orders(""));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        assertThat(invocations("token-auth")).isEqualTo(before);
    }

    @Test
    void a_token_that_fails_the_validation_expression_is_401_without_calling_the_function() {
        guarded("GET", tokenAuthorizer(0));
        int before = invocations("token-auth");

        HttpResponse<String> answer = ApiTestSupport.get(orders(""), "Authorization", "Basic allow");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(invocations("token-auth")).isEqualTo(before);
    }

    @Test
    void an_explicit_deny_is_403_with_aws_message() {
        guarded("GET", tokenAuthorizer(0));

        HttpResponse<String> answer = ApiTestSupport.get(orders(""), "Authorization", "Bearer deny");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body())
                .isEqualTo("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    }

    @Test
    void a_function_failing_with_unauthorized_is_401_and_any_other_failure_is_500_with_a_null_message() {
        guarded("GET", tokenAuthorizer(0));

        HttpResponse<String> refused = ApiTestSupport.get(orders(""), "Authorization", "Bearer unauthorized");
        HttpResponse<String> failed = ApiTestSupport.get(orders(""), "Authorization", "Bearer crash");
        HttpResponse<String> nested = ApiTestSupport.get(orders(""), "Authorization", "Bearer nested");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\": null}");
        assertThat(failed.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
        assertThat(nested.statusCode()).as("an object in the context is not a verdict").isEqualTo(500);
    }

    @Test
    void a_verdict_is_cached_by_token_for_the_ttl_on_the_stack_clock() {
        guarded("GET", tokenAuthorizer(300));
        int before = invocations("token-auth");

        assertThat(ApiTestSupport.get(orders(""), "Authorization", "Bearer allow").statusCode()).isEqualTo(200);
        assertThat(ApiTestSupport.get(orders(""), "Authorization", "Bearer allow").statusCode()).isEqualTo(200);
        assertThat(invocations("token-auth")).isEqualTo(before + 1);

        stack.clock().advance(Duration.ofSeconds(301));
        assertThat(ApiTestSupport.get(orders(""), "Authorization", "Bearer allow").statusCode()).isEqualTo(200);
        assertThat(invocations("token-auth")).isEqualTo(before + 2);
    }

    @Test
    void a_ttl_of_zero_calls_the_function_for_every_request() {
        guarded("GET", tokenAuthorizer(0));
        int before = invocations("token-auth");

        ApiTestSupport.get(orders(""), "Authorization", "Bearer allow");
        ApiTestSupport.get(orders(""), "Authorization", "Bearer allow");

        assertThat(invocations("token-auth")).isEqualTo(before + 2);
    }

    @Test
    void a_cached_policy_naming_one_method_denies_the_others_implicitly() {
        String authorizer = tokenAuthorizer(300);
        guarded("GET", authorizer);
        guarded("POST", authorizer);

        HttpResponse<String> get = ApiTestSupport.get(orders(""), "Authorization", "Bearer only-get");
        HttpResponse<String> post = ApiTestSupport.post(orders(""), "{}", "Authorization", "Bearer only-get");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).isEqualTo("{\"message\":\"User is not authorized to access this resource\"}");
    }

    @Test
    void a_request_authorizer_gets_the_request_event_and_needs_every_identity_source() throws Exception {
        String authorizer = apis.createAuthorizer(b -> b.restApiId(apiId).name("request").type(AuthorizerType.REQUEST)
                .authorizerUri(uri("request-auth"))
                .identitySource("method.request.header.X-Tenant, method.request.querystring.key")
                .authorizerResultTtlInSeconds(0)).id();
        guarded("GET", authorizer);

        HttpResponse<String> noKey = ApiTestSupport.get(orders(""), "X-Tenant", "acme");
        HttpResponse<String> denied = ApiTestSupport.get(orders("?key=closed"), "X-Tenant", "acme");
        HttpResponse<String> allowed = ApiTestSupport.get(orders("?key=open"), "X-Tenant", "acme");

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(200);
        JsonNode context = JSON.readTree(allowed.body()).path("requestContext").path("authorizer");
        assertThat(context.path("principalId").asText()).isEqualTo("tenant-acme");
        assertThat(context.path("type").asText()).isEqualTo("REQUEST");
        assertThat(context.path("resource").asText()).isEqualTo("/orders");
        assertThat(context.path("methodArn").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/prod/GET/orders");
    }

    @Test
    void a_mapping_template_reads_the_authorizer_context() {
        String authorizer = tokenAuthorizer(0);
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").authorizationType("CUSTOM")
                .authorizerId(authorizer));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json",
                        "$context.authorizer.principalId is $context.authorizer.user, tier $context.authorizer.tier")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));

        HttpResponse<String> answer = ApiTestSupport.get(orders(""), "Authorization", "Bearer allow");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("user-ada is ada, tier 3");
    }
}
