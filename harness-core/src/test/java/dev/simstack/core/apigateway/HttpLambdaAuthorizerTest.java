package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.CreateAuthorizerRequest;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * HTTP APIs' Lambda (REQUEST) authorizers on requests: simple responses and IAM policies, AWS's 401 and 403,
 * the context handed to the integration, and the cache by identity on the stack's (manual) clock.
 */
class HttpLambdaAuthorizerTest {

    private static Stack stack;
    private static ApiGatewayV2Client apis;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).withClock(ClockSpec.manual())
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class))
                .withFunction(FunctionSpec.named("simple", HttpAuthorizerHandlers.Simple.class))
                .withFunction(FunctionSpec.named("policy", HttpAuthorizerHandlers.Policy.class))
                .withFunction(FunctionSpec.named("not-a-verdict", HttpAuthorizerHandlers.NotAVerdict.class))
                .withFunction(FunctionSpec.named("failing", ApiHandlers.Failing.class))
                .start();
        apis = ApiTestSupport.apiGatewayV2(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    private static String invocationUri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function(function).arn()
                + "/invocations";
    }

    /** An API whose route GET /items/{id} calls the echo function (2.0) behind a Lambda authorizer. */
    private static String api(String name, Consumer<CreateAuthorizerRequest.Builder> authorizer) {
        String apiId = apis.createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();
        String integration = apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion("2.0")).integrationId();
        String authorizerId = apis.createAuthorizer(b -> authorizer.accept(b.apiId(apiId).name(name + "-auth")
                .authorizerType(AuthorizerType.REQUEST).identitySource("$request.header.Authorization")))
                .authorizerId();
        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /items/{id}").target("integrations/" + integration)
                .authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizerId));
        apis.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true));
        return apiId;
    }

    private static String simpleApi(String name, int ttl) {
        return api(name, b -> b.authorizerUri(invocationUri("simple")).authorizerPayloadFormatVersion("2.0")
                .enableSimpleResponses(true).authorizerResultTtlInSeconds(ttl));
    }

    private static URI item(String apiId) {
        return URI.create(stack.endpoint() + "/_aws/execute-api/" + apiId + "/$default/items/7");
    }

    @Test
    void a_simple_response_that_authorizes_hands_its_context_to_the_integration_under_lambda() {
        String apiId = simpleApi("simple-allow", 0);

        HttpResponse<String> response = ApiTestSupport.get(item(apiId), "Authorization", "allow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"authorizer\":{\"lambda\":{\"user\":\"ada\",\"tier\":3,")
                .contains("\"seen\":\"2.0 REQUEST [allow] arn:aws:execute-api:us-east-1:000000000000:" + apiId
                        + "/$default/GET/items/7\"");
    }

    @Test
    void a_simple_response_that_does_not_authorize_is_403_forbidden() {
        String apiId = simpleApi("simple-deny", 0);

        HttpResponse<String> response = ApiTestSupport.get(item(apiId), "Authorization", "deny");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void a_missing_identity_source_is_401_unauthorized_without_calling_the_function() {
        String apiId = simpleApi("simple-missing", 0);

        HttpResponse<String> response = ApiTestSupport.get(item(apiId));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void a_payload_1_0_authorizers_policy_is_checked_against_the_route_arn() {
        String apiId = api("policy", b -> b.authorizerUri(invocationUri("policy"))
                .authorizerPayloadFormatVersion("1.0").authorizerResultTtlInSeconds(0));

        HttpResponse<String> allowed = ApiTestSupport.get(item(apiId), "Authorization", "allow");
        HttpResponse<String> denied = ApiTestSupport.get(item(apiId), "Authorization", "other");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"authorizer\":{\"lambda\":{\"version\":\"1.0\",\"type\":\"REQUEST\"}}")
                .doesNotContain("principalId");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void answers_are_cached_by_identity_for_the_ttl_on_the_stack_clock() {
        String apiId = simpleApi("cached", 300);

        String first = ApiTestSupport.get(item(apiId), "Authorization", "allow").body();
        stack.clock().advance(Duration.ofSeconds(299));
        String cached = ApiTestSupport.get(item(apiId), "Authorization", "allow").body();
        stack.clock().advance(Duration.ofSeconds(2));
        String expired = ApiTestSupport.get(item(apiId), "Authorization", "allow").body();

        assertThat(askedBy(cached)).isEqualTo(askedBy(first));
        assertThat(askedBy(expired)).isNotEqualTo(askedBy(first));
        assertThat(askedBy(first)).isEqualTo(requestId(first));
        assertThat(askedBy(expired)).isEqualTo(requestId(expired));
    }

    @Test
    void an_authorizer_that_fails_or_answers_no_verdict_is_500_internal_server_error() {
        String failing = api("failing", b -> b.authorizerUri(invocationUri("failing"))
                .authorizerPayloadFormatVersion("2.0").enableSimpleResponses(true));
        String noVerdict = api("no-verdict", b -> b.authorizerUri(invocationUri("not-a-verdict"))
                .authorizerPayloadFormatVersion("2.0").enableSimpleResponses(true));

        for (String apiId : new String[] {failing, noVerdict}) {
            HttpResponse<String> response = ApiTestSupport.get(item(apiId), "Authorization", "allow");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        }
    }

    /** The request id the authorizer's context names (the request whose answer was cached). */
    private static String askedBy(String body) {
        return between(body, "\"askedBy\":\"", "\"");
    }

    /** The id of the request the integration's event is about. */
    private static String requestId(String body) {
        return between(body, "\"requestId\":\"", "\"");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
