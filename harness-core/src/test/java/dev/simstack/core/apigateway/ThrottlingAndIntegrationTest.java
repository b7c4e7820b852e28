package dev.simstack.core.apigateway;

import static dev.simstack.core.apigateway.ApiTestSupport.get;
import static dev.simstack.core.apigateway.ApiTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Stage, route and usage-plan throttling on the stack clock; the SQS integration; the 29 s timeout. */
class ThrottlingAndIntegrationTest {

    private static final String KEY = "key-0123456789abcdefghij";
    private Stack stack;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withQueue(QueueSpec.named("inbox"))
                .withFunction(FunctionSpec.named("plain", ApiHandlers.PlainObject.class))
                .withFunction(FunctionSpec.named("slow", ApiHandlers.Slow.class).withTimeout(Duration.ofSeconds(60)))
                .withApi(ApiSpec.http("limited").withThrottle(1, 2)
                        .withRoute("GET /plain", Integration.lambda("plain"))
                        .withRoute(new ApiSpec.Route("GET /tight", Integration.lambda("plain"), false, 1, 1)))
                .withApi(ApiSpec.rest("keyed")
                        .withRoute(new ApiSpec.Route("POST /messages", Integration.sqs("inbox"), true, 0, 0))
                        .withRoute("GET /slow", Integration.lambda("slow"))
                        .withUsagePlan(new ApiSpec.UsagePlan("basic", 100, 100, 2, "DAY", List.of(KEY))))
                .start();
    }

    @AfterEach
    void stop() {
        ApiHandlers.Slow.GATES.computeIfAbsent("slow", g -> new CountDownLatch(1)).countDown();
        stack.close();
    }

    private URI limited(String path) {
        return URI.create(stack.api("limited").url() + path);
    }

    private URI keyed(String path) {
        return URI.create(stack.api("keyed").url() + path);
    }

    @Test
    void the_stage_bucket_lets_a_burst_through_then_answers_429_until_the_clock_refills_it() {
        assertThat(get(limited("/plain")).statusCode()).isEqualTo(200);
        assertThat(get(limited("/plain")).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = get(limited("/plain"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        stack.clock().advance(Duration.ofSeconds(1));
        assertThat(get(limited("/plain")).statusCode()).isEqualTo(200);
        assertThat(stack.ledger().entries(LedgerEntry.ApiRequest.class))
                .extracting(LedgerEntry.ApiRequest::throttled).containsExactly(false, false, true, false);
    }

    @Test
    void a_route_throttle_applies_before_the_stages() {
        assertThat(get(limited("/tight")).statusCode()).isEqualTo(200);
        assertThat(get(limited("/tight")).statusCode()).isEqualTo(429);
        assertThat(get(limited("/plain")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_route_that_requires_an_api_key_refuses_callers_without_one_and_counts_the_quota_per_key() {
        HttpResponse<String> noKey = post(keyed("/messages"), "hello");
        HttpResponse<String> wrongKey = post(keyed("/messages"), "hello", "x-api-key", "not-a-key-000000000000");

        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(post(keyed("/messages"), "one", "x-api-key", KEY).statusCode()).isEqualTo(200);
        assertThat(post(keyed("/messages"), "two", "x-api-key", KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> overQuota = post(keyed("/messages"), "three", "x-api-key", KEY);
        assertThat(overQuota.statusCode()).isEqualTo(429);
        assertThat(overQuota.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        stack.clock().advance(Duration.ofDays(1));
        assertThat(post(keyed("/messages"), "four", "x-api-key", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void the_sqs_integration_sends_the_body_and_answers_sqs_response() {
        HttpResponse<String> response = post(keyed("/messages"), "{\"order\":1}", "x-api-key", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"SendMessageResponse\"").contains("\"MessageId\"")
                .contains("\"MD5OfMessageBody\"");
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(dev.simstack.core.lambda.LambdaTestSupportAccess.CREDENTIALS).build()) {
            assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queue("inbox").url())).messages())
                    .extracting(m -> m.body()).containsExactly("{\"order\":1}");
        }
    }

    @Test
    void a_rest_integration_past_29_seconds_on_the_clock_answers_504() throws Exception {
        ApiHandlers.Slow.GATES.put("slow", new CountDownLatch(1));
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> get(keyed("/slow")));
        for (int i = 0; i < 200 && !pending.isDone(); i++) {
            Thread.sleep(10);
            stack.clock().advance(Duration.ofSeconds(1));
        }

        HttpResponse<String> response = pending.get();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }
}
