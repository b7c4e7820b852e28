package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.junit.Api;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.UsagePlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * REST APIs on remote backends: created through API Gateway's control plane (resources, methods, Lambda proxy and
 * SQS integrations, a deployment to the stage, its throttle, usage plans and API keys), called at the backend's invoke URL, and deleted with
 * everything else after the class, passed or failed.
 */
class RemoteApisTest {

    @Test
    void a_declared_rest_api_answers_at_the_endpoints_url_and_is_deleted_after_the_class() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(StandIn.leanPackages(standIn.asEndpoint()), Shop.class),
                    printed);

            Kit.assertPassed(results, 1);
            assertThat(printed[0]).contains("function greeter (us-east-1), API shop (us-east-1)]");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void on_aws_the_api_is_prefixed_its_integrations_take_a_role_of_the_run_and_all_is_deleted_after_a_failure() {
        try (StandIn account = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = StandIn.withDefaultChain("us-east-1", () -> Kit.capturingErr(
                    () -> Kit.run(StandIn.leanPackages(account.asAws()), ShopOnAws.class), printed));

            assertThat(Kit.failureMessages(results)).containsExactly("a failing test on AWS");
            assertThat(printed[0]).containsPattern("role simstack-([0-9a-z]{8})-apigateway \\(global\\), API"
                    + " simstack-\\1-shop \\(us-east-1\\)\\]");
            assertThat(account.resources()).isEmpty();
        }
    }

    @Test
    void a_usage_plan_and_its_keys_guard_the_routes_that_require_one_and_are_deleted_after_a_failing_class() {
        try (StandIn standIn = new StandIn()) {
            String[] printed = new String[1];

            EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(standIn.asEndpoint(), KeyedShop.class),
                    printed);

            assertThat(Kit.failureMessages(results)).containsExactly("the class fails after calling");
            assertThat(printed[0]).contains("created [queue orders (us-east-1), API shop (us-east-1), usage plan"
                    + " partners (us-east-1), API key partners-key-1 (us-east-1)]")
                    .contains("deleted [API key partners-key-1 (us-east-1), usage plan partners (us-east-1), API shop"
                            + " (us-east-1), queue orders (us-east-1)]");
            assertThat(standIn.resources()).isEmpty();
        }
    }

    @Test
    void a_rest_routes_throttle_becomes_a_method_setting_of_the_stage_and_answers_429_past_its_limit() {
        try (StandIn standIn = new StandIn()) {
            EngineExecutionResults results = Kit.run(StandIn.leanPackages(standIn.asEndpoint()), ThrottledShop.class);

            Kit.assertPassed(results, 1);
            assertThat(standIn.resources()).isEmpty();
        }
    }

    private static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI url, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            functions = @Function(name = "greeter", handler = Greets.class, timeout = 30),
            apis = @Api(name = "shop", rate = 50, burst = 10, routes = {
                    @Route(key = "POST /orders", queue = "orders"),
                    @Route(key = "POST /greetings/{name}", function = "greeter")}))
    static class Shop {

        @Test
        void routes_reach_the_queue_and_the_function(@ApiUrl("shop") URI shop, SqsClient sqs,
                @QueueUrl("orders") String orders, ApiGatewayClient apigateway) throws Exception {
            assertThat(shop.toString()).matches("http://127\\.0\\.0\\.1:\\d+/restapis/\\w+/prod/_user_request_");

            assertThat(post(URI.create(shop + "/orders"), "{\"id\":\"o-1\"}").statusCode()).isEqualTo(200);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("{\"id\":\"o-1\"}"));

            HttpResponse<String> greeting = post(URI.create(shop + "/greetings/ann"), "ann");
            assertThat(greeting.statusCode()).isEqualTo(201);
            assertThat(greeting.body()).isEqualTo("hello ann");

            String id = shop.getPath().split("/")[2];
            assertThat(apigateway.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings().get("*/*")
                    .throttlingRateLimit()).isEqualTo(50.0);
        }
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            functions = @Function(name = "greeter", handler = Greets.class, timeout = 30),
            apis = @Api(name = "shop", rate = 100, burst = 50, routes = {
                    @Route(key = "POST /orders/{id}", queue = "orders", rate = 0.01, burst = 2),
                    @Route(key = "POST /returns", queue = "orders", burst = 1),
                    @Route(key = "ANY /refunds", function = "greeter", rate = 0.01, burst = 1)}))
    static class ThrottledShop {

        @Test
        void the_throttled_route_answers_429_past_its_burst_and_the_other_routes_keep_theirs(@ApiUrl("shop") URI shop,
                ApiGatewayClient apigateway) throws Exception {
            assertThat(post(URI.create(shop + "/orders/o-1"), "1").statusCode()).isEqualTo(200);
            assertThat(post(URI.create(shop + "/orders/o-2"), "2").statusCode()).isEqualTo(200);
            HttpResponse<String> throttled = post(URI.create(shop + "/orders/o-3"), "3");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(post(URI.create(shop + "/returns"), "r-1").statusCode()).isEqualTo(200);

            // AWS takes no method setting on ANY: the route's throttle is written for each method, a bucket each
            URI refunds = URI.create(shop + "/refunds");
            assertThat(post(refunds, "r-2").statusCode()).isEqualTo(201);
            assertThat(post(refunds, "r-3").statusCode()).isEqualTo(429);
            assertThat(get(refunds).statusCode()).isEqualTo(201);
            assertThat(get(refunds).statusCode()).isEqualTo(429);

            String id = shop.getPath().split("/")[2];
            var settings = apigateway.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings();
            assertThat(settings).containsOnlyKeys("*/*", "~1orders~1{id}/POST", "~1returns/POST", "~1refunds/DELETE",
                    "~1refunds/GET", "~1refunds/HEAD", "~1refunds/OPTIONS", "~1refunds/PATCH", "~1refunds/POST",
                    "~1refunds/PUT");
            assertThat(settings.get("~1refunds/PUT").throttlingBurstLimit()).isEqualTo(1);
            assertThat(settings.get("~1orders~1{id}/POST").throttlingRateLimit()).isEqualTo(0.01);
            assertThat(settings.get("~1orders~1{id}/POST").throttlingBurstLimit()).isEqualTo(2);
            // a limit the route leaves at 0 is the stage's
            assertThat(settings.get("~1returns/POST").throttlingRateLimit()).isEqualTo(100.0);
            assertThat(settings.get("~1returns/POST").throttlingBurstLimit()).isEqualTo(1);
        }
    }

    @SimStack(backend = Backend.ENDPOINT, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders", apiKeyRequired = true),
                    usagePlans = @UsagePlan(name = "partners", rate = 5, burst = 2, quotaLimit = 100,
                            quotaPeriod = "DAY", apiKeys = "partner-key-0123456789")))
    static class KeyedShop {

        @Test
        void a_request_without_the_key_is_refused_and_one_with_it_is_sent(@ApiUrl("shop") URI shop,
                ApiGatewayClient apigateway) throws Exception {
            assertThat(post(URI.create(shop + "/orders"), "anonymous").statusCode()).isEqualTo(403);
            assertThat(post(URI.create(shop + "/orders"), "order-1", "x-api-key", "partner-key-0123456789")
                    .statusCode()).isEqualTo(200);

            var plan = apigateway.getUsagePlans(b -> { }).items().get(0);
            assertThat(plan.throttle().rateLimit()).isEqualTo(5.0);
            assertThat(plan.throttle().burstLimit()).isEqualTo(2);
            assertThat(plan.quota().limit()).isEqualTo(100);
            assertThat(plan.apiStages()).singleElement().satisfies(stage -> assertThat(stage.stage()).isEqualTo("prod"));
            assertThat(apigateway.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items()).singleElement()
                    .satisfies(key -> assertThat(key.name()).isEqualTo("partners-key-1"));
            throw new AssertionError("the class fails after calling");
        }
    }

    @SimStack(backend = Backend.AWS, queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders")))
    static class ShopOnAws {

        @Test
        void the_route_sends_to_the_prefixed_queue(@ApiUrl("shop") URI shop, SqsClient sqs,
                @QueueUrl("orders") String orders) throws Exception {
            assertThat(post(URI.create(shop + "/orders"), "order-1").statusCode()).isEqualTo(200);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("order-1"));
            throw new AssertionError("a failing test on AWS");
        }
    }
}
