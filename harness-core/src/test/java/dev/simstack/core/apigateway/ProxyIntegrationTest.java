package dev.simstack.core.apigateway;

import static dev.simstack.core.apigateway.ApiTestSupport.get;
import static dev.simstack.core.apigateway.ApiTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lambda proxy integrations of REST and HTTP APIs: routing, the v1 and v2 events, response mapping. */
class ProxyIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1)
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class))
                .withFunction(FunctionSpec.named("orders", ApiHandlers.OrderApi.class))
                .withFunction(FunctionSpec.named("items", ApiHandlers.ItemApi.class))
                .withFunction(FunctionSpec.named("plain", ApiHandlers.PlainObject.class))
                .withFunction(FunctionSpec.named("failing", ApiHandlers.Failing.class))
                .withApi(ApiSpec.rest("shop")
                        .withRoute("GET /echo/{id}", Integration.lambda("echo"))
                        .withRoute("POST /orders/{id}", Integration.lambda("orders"))
                        .withRoute("ANY /files/{proxy+}", Integration.lambda("echo"))
                        .withRoute("GET /plain", Integration.lambda("plain"))
                        .withRoute("GET /failing", Integration.lambda("failing")))
                .withApi(ApiSpec.http("catalog")
                        .withRoute("GET /echo/{id}", Integration.lambda("echo"))
                        .withRoute("GET /items/{id}", Integration.lambda("items"))
                        .withRoute("GET /plain", Integration.lambda("plain"))
                        .withRoute("GET /failing", Integration.lambda("failing")))
                .start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static URI shop(String path) {
        return URI.create(stack.api("shop").url() + path);
    }

    private static URI catalog(String path) {
        return URI.create(stack.api("catalog").url() + path);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void a_rest_api_sends_the_v1_event_with_aws_documented_members() throws Exception {
        HttpResponse<String> response = get(shop("/echo/42?color=red&color=blue&size=m"), "X-Trace", "t-1",
                "X-Trace", "t-2");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.body());
        // every top-level member of AWS's example event in "Input format of a Lambda function for proxy integration"
        assertThat(fields(event)).containsExactlyInAnyOrder("resource", "path", "httpMethod", "headers",
                "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                "stageVariables", "requestContext", "body", "isBase64Encoded");
        assertThat(event.get("resource").asText()).isEqualTo("/echo/{id}");
        assertThat(event.get("path").asText()).isEqualTo("/echo/42");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("42");
        assertThat(event.at("/queryStringParameters/color").asText()).isEqualTo("blue");
        assertThat(event.at("/multiValueQueryStringParameters/color").toString()).isEqualTo("[\"red\",\"blue\"]");
        assertThat(event.at("/multiValueHeaders/X-Trace").toString()).isEqualTo("[\"t-1\",\"t-2\"]");
        assertThat(event.at("/headers/X-Trace").asText()).isEqualTo("t-2");
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("stage").asText()).isEqualTo("prod");
        assertThat(context.get("path").asText()).isEqualTo("/prod/echo/42");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/echo/{id}");
        assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
        assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId")
                .orElseThrow());
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(fields(context)).contains("apiId", "domainName", "requestTime", "requestTimeEpoch", "protocol",
                "httpMethod", "resourceId", "identity");
    }

    @Test
    void typed_v1_handlers_get_the_event_and_their_response_is_mapped_to_status_headers_and_body() {
        HttpResponse<String> response = post(shop("/orders/o-7?q=1&q=2"), "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Order")).hasValue("o-7");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body()).isEqualTo("created o-7 via POST q=[1, 2]");
    }

    @Test
    void an_http_api_sends_the_v2_event() throws Exception {
        HttpResponse<String> response = get(catalog("/echo/9?a=1&a=2&b=x"), "Cookie", "s=1; theme=dark",
                "X-Trace", "t-1");

        JsonNode event = JSON.readTree(response.body());
        // the members of AWS's example in "Working with AWS Lambda proxy integrations for HTTP APIs" (no body here)
        assertThat(fields(event)).containsExactlyInAnyOrder("version", "routeKey", "rawPath", "rawQueryString",
                "cookies", "headers", "queryStringParameters", "requestContext", "pathParameters", "isBase64Encoded");
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /echo/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo/9");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x");
        assertThat(event.get("cookies").toString()).isEqualTo("[\"s=1\",\"theme=dark\"]");
        assertThat(event.at("/headers/x-trace").asText()).isEqualTo("t-1");
        assertThat(event.at("/queryStringParameters/a").asText()).isEqualTo("1,2");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("9");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("GET");
        assertThat(event.at("/requestContext/http/path").asText()).isEqualTo("/echo/9");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("$default");
        assertThat(fields(event.get("requestContext"))).contains("accountId", "apiId", "domainName", "domainPrefix",
                "http", "requestId", "routeKey", "stage", "time", "timeEpoch");
    }

    @Test
    void typed_v2_handlers_and_the_simple_v2_response() {
        HttpResponse<String> typed = get(catalog("/items/i-1"), "Cookie", "a=b");
        HttpResponse<String> simple = get(catalog("/plain"));

        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).isEqualTo("GET /items/i-1 {id=i-1} cookies=[a=b]");
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(simple.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void a_greedy_path_and_any_method_match_every_method_below_it() throws Exception {
        HttpResponse<String> response = ApiTestSupport.send(java.net.http.HttpRequest.newBuilder(
                shop("/files/a/b/c.txt")).method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()));

        JsonNode event = JSON.readTree(response.body());
        assertThat(event.at("/pathParameters/proxy").asText()).isEqualTo("a/b/c.txt");
        assertThat(event.get("resource").asText()).isEqualTo("/files/{proxy+}");
        assertThat(event.get("httpMethod").asText()).isEqualTo("DELETE");
    }

    @Test
    void unknown_routes_and_apis_get_api_gateways_answers() {
        HttpResponse<String> rest = get(shop("/nowhere"));
        HttpResponse<String> wrongMethod = post(shop("/echo/1"), "");
        HttpResponse<String> http = get(catalog("/nowhere"));
        HttpResponse<String> noApi = get(URI.create(stack.endpoint() + "/_aws/execute-api/nosuchapi1/prod/x"));

        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(rest.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(wrongMethod.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(http.statusCode()).isEqualTo(404);
        assertThat(http.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(noApi.statusCode()).isEqualTo(403);
        assertThat(noApi.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void an_unknown_stage_is_forbidden_on_a_rest_api_and_not_found_on_an_http_api() {
        String restBase = stack.api("shop").url().toString();
        String httpBase = stack.api("catalog").url().toString();
        HttpResponse<String> rest = get(URI.create(restBase.substring(0, restBase.lastIndexOf('/')) + "/dev/echo/1"));
        HttpResponse<String> http = get(URI.create(httpBase.substring(0, httpBase.lastIndexOf('/')) + "/dev/echo/1"));

        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(rest.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(http.statusCode()).isEqualTo(404);
    }

    @Test
    void the_localstack_style_path_reaches_the_same_api() throws Exception {
        String base = stack.api("shop").url().toString();
        String apiId = base.split("/")[base.split("/").length - 2];
        HttpResponse<String> response = get(URI.create(stack.endpoint() + "/restapis/" + apiId
                + "/prod/_user_request_/echo/7"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("/echo/7");
    }

    @Test
    void a_binary_body_arrives_base64_encoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        HttpResponse<String> response = ApiTestSupport.send(java.net.http.HttpRequest.newBuilder(shop("/files/logo.png"))
                .header("Content-Type", "image/png").PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png)));

        JsonNode event = JSON.readTree(response.body());
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(png);
    }

    @Test
    void a_lambda_error_or_a_malformed_proxy_response_is_a_502_from_a_rest_api() {
        HttpResponse<String> failing = get(shop("/failing"));
        HttpResponse<String> malformed = get(shop("/plain"));
        HttpResponse<String> httpFailing = get(catalog("/failing"));

        assertThat(failing.statusCode()).isEqualTo(502);
        assertThat(failing.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(malformed.statusCode()).isEqualTo(502);
        assertThat(malformed.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(httpFailing.statusCode()).isEqualTo(500);
        assertThat(httpFailing.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void every_request_lands_in_the_ledger_and_lambda_sees_the_api_as_trigger() {
        HttpResponse<String> response = get(shop("/echo/ledger"));
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();

        assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class)).anySatisfy(entry -> {
            assertThat(entry.routeKey()).isEqualTo("GET /echo/{id}");
            assertThat(entry.path()).isEqualTo("/echo/ledger");
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.stage()).isEqualTo("prod");
            assertThat(entry.throttled()).isFalse();
        });
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).anySatisfy(entry -> {
            assertThat(entry.trigger()).startsWith("apigateway:");
            assertThat(entry.carried()).containsExactly(requestId);
        });
    }
}
