package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.junit.Api;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * HTTP APIs on remote backends: created through API Gateway's v2 control plane (an integration and a route per
 * declared route, the {@code $default} stage auto-deployed with the stage's and the routes' throttles as its route
 * settings), called at the backend's invoke URL, and deleted with everything else after the class, passed or failed.
 */
class RemoteHttpApisTest {

    @Test
    void a_declared_http_api_answers_at_the_endpoints_url_and_is_deleted_after_the_class() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(StandIn.leanPackages(
                    standIn.asEndpoint()), Shop.class), printed);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).contains("function greeter (us-east-1), HTTP API shop (us-east-1)]")
                    .contains("deleted [HTTP API shop (us-east-1), function greeter (us-east-1)");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void on_aws_the_http_api_is_prefixed_its_integrations_take_a_role_of_the_run_and_all_is_deleted_after_a_failure() {
        try (StandIn account = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = StandIn.withDefaultChain("us-east-1", () -> Kit.capturingErr(
                    () -> Kit.run(StandIn.leanPackages(account.asAws()), ShopOnAws.class), printed));

            assertThat(Kit.failureMessages(results)).containsExactly("a failing test on AWS");
            assertThat(printed[0]).containsPattern("role simstack-([0-9a-z]{8})-apigateway \\(global\\), HTTP API"
                    + " simstack-\\1-shop \\(us-east-1\\)\\]");
            assertThat(account.resources()).isEmpty();
        }
    }

    private static HttpResponse<String> post(URI url, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            functions = @Function(name = "greeter", handler = GreetsHttp.class, timeout = 30),
            apis = @Api(name = "shop", kind = ApiSpec.Kind.HTTP, rate = 50, burst = 10, routes = {
                    @Route(key = "POST /orders", queue = "orders", rate = 1, burst = 1),
                    @Route(key = "POST /greetings/{name}", function = "greeter")}))
    static class Shop {

        @Test
        void routes_reach_the_queue_and_the_function_under_their_throttles(@ApiUrl("shop") URI shop, SqsClient sqs,
                @QueueUrl("orders") String orders, ApiGatewayV2Client apis) throws Exception {
            assertThat(shop.toString()).matches("http://127\\.0\\.0\\.1:\\d+/restapis/\\w+/\\$default/_user_request_");

            // The route's own throttle (1 per second, burst 1) lets the first request through, not the second.
            List<Integer> statuses = List.of(post(URI.create(shop + "/orders"), "{\"id\":\"o-1\"}").statusCode(),
                    post(URI.create(shop + "/orders"), "{\"id\":\"o-2\"}").statusCode());
            assertThat(statuses).containsExactly(200, 429);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("{\"id\":\"o-1\"}"));

            HttpResponse<String> greeting = post(URI.create(shop + "/greetings/ann"), "ann");
            assertThat(greeting.statusCode()).isEqualTo(201);
            assertThat(greeting.body()).isEqualTo("hello ann (payload 2.0)");

            String id = shop.getPath().split("/")[2];
            var stage = apis.getStage(b -> b.apiId(id).stageName("$default"));
            assertThat(stage.autoDeploy()).isTrue();
            assertThat(stage.defaultRouteSettings().throttlingRateLimit()).isEqualTo(50.0);
            assertThat(stage.defaultRouteSettings().throttlingBurstLimit()).isEqualTo(10);
            assertThat(stage.routeSettings().get("POST /orders").throttlingRateLimit()).isEqualTo(1.0);
            assertThat(stage.tags()).containsKey("simstack:run");
            assertThat(apis.getIntegrations(b -> b.apiId(id)).items()).extracting(Integration::integrationSubtype,
                    Integration::payloadFormatVersion).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("SQS-SendMessage", "1.0"),
                            org.assertj.core.groups.Tuple.tuple(null, "2.0"));
        }
    }

    @SimStack(backend = Backend.AWS, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            apis = @Api(name = "shop", kind = ApiSpec.Kind.HTTP, routes = @Route(key = "POST /orders",
                    queue = "orders")))
    static class ShopOnAws {

        @Test
        void the_route_sends_to_the_prefixed_queue(@ApiUrl("shop") URI shop, SqsClient sqs,
                @QueueUrl("orders") String orders, ApiGatewayV2Client apis) throws Exception {
            String id = shop.getPath().split("/")[2];
            assertThat(apis.getApi(b -> b.apiId(id)).name()).matches("simstack-[0-9a-z]{8}-shop");
            assertThat(apis.getIntegrations(b -> b.apiId(id)).items()).singleElement().satisfies(integration ->
                    assertThat(integration.credentialsArn()).matches("arn:aws:iam::\\d{12}:role/simstack-[0-9a-z]{8}"
                            + "-apigateway"));

            assertThat(post(URI.create(shop + "/orders"), "order-1").statusCode()).isEqualTo(200);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("order-1"));
            throw new AssertionError("a failing test on AWS");
        }
    }
}
