package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.UnauthorizedCacheControlHeaderStrategy;

/**
 * A REST stage's method settings (UpdateStage {@code /{resourcePath}/{httpMethod}/{setting}}): stored and answered as
 * AWS answers them, validated as AWS validates them, their throttles applied per resource and method on the stack's
 * clock, and kept in the data directory.
 */
class MethodSettingsTest {

    @TempDir
    Path dir;

    private static final StackConfig CONFIG = StackConfig.defaults().withSeed(7).withClock(ClockSpec.manual())
            .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class));

    /** An API with GET /orders and GET /items, deployed to stage prod. */
    private static String shop(Stack stack, ApiGatewayClient apis) {
        String id = apis.createRestApi(b -> b.name("shop")).id();
        Resource root = apis.getResources(b -> b.restApiId(id)).items().get(0);
        for (String part : List.of("orders", "items")) {
            String resource = apis.createResource(b -> b.restApiId(id).parentId(root.id()).pathPart(part)).id();
            echo(stack, apis, id, resource, "GET");
        }
        apis.createDeployment(b -> b.restApiId(id).stageName("prod"));
        return id;
    }

    /** {@code method} on {@code resource}, a Lambda proxy integration of the echo function. */
    private static void echo(Stack stack, ApiGatewayClient apis, String id, String resource, String method) {
        apis.putMethod(b -> b.restApiId(id).resourceId(resource).httpMethod(method).authorizationType("NONE"));
        apis.putIntegration(b -> b.restApiId(id).resourceId(resource).httpMethod(method)
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + stack.function("echo").arn() + "/invocations"));
    }

    private static void patch(ApiGatewayClient apis, String id, String... pathsAndValues) {
        PatchOperation[] ops = new PatchOperation[pathsAndValues.length / 2];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = PatchOperation.builder().op(Op.REPLACE).path(pathsAndValues[2 * i])
                    .value(pathsAndValues[2 * i + 1]).build();
        }
        apis.updateStage(b -> b.restApiId(id).stageName("prod").patchOperations(ops));
    }

    /** The statuses of {@code count} GETs of {@code path}, sent at one instant of the manual clock. */
    private static List<Integer> statuses(Stack stack, String id, String path, int count) {
        URI uri = URI.create(stack.endpoint() + "/restapis/" + id + "/prod/_user_request_" + path);
        Integer[] statuses = new Integer[count];
        for (int i = 0; i < count; i++) {
            statuses[i] = ApiTestSupport.get(uri).statusCode();
        }
        return Arrays.asList(statuses);
    }

    @Test
    void a_method_setting_throttles_its_resource_and_method_alone_and_wins_over_the_stage_wide_one() {
        try (Stack stack = CONFIG.start(); ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            String id = shop(stack, apis);
            patch(apis, id, "/*/*/throttling/burstLimit", "5", "/*/*/throttling/rateLimit", "1",
                    "/~1orders/GET/throttling/burstLimit", "2", "/~1orders/GET/throttling/rateLimit", "1");

            assertThat(statuses(stack, id, "/orders", 3)).containsExactly(200, 200, 429);
            assertThat(statuses(stack, id, "/items", 6)).containsExactly(200, 200, 200, 200, 200, 429);
            stack.clock().advance(Duration.ofSeconds(1));
            assertThat(statuses(stack, id, "/orders", 2)).containsExactly(200, 429);
            assertThat(ApiTestSupport.get(URI.create(stack.endpoint() + "/restapis/" + id
                    + "/prod/_user_request_/orders")).body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        }
    }

    @Test
    void an_any_method_takes_from_the_setting_of_the_method_each_request_was_sent_with() {
        try (Stack stack = CONFIG.start(); ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            String id = apis.createRestApi(b -> b.name("any")).id();
            Resource root = apis.getResources(b -> b.restApiId(id)).items().get(0);
            String resource = apis.createResource(b -> b.restApiId(id).parentId(root.id()).pathPart("orders")).id();
            echo(stack, apis, id, resource, "ANY");
            apis.createDeployment(b -> b.restApiId(id).stageName("prod"));
            // what a deployment tool writes for a throttled ANY route: one setting per method (two of them here)
            patch(apis, id, "/*/*/throttling/burstLimit", "4", "/*/*/throttling/rateLimit", "1",
                    "/~1orders/GET/throttling/burstLimit", "2", "/~1orders/GET/throttling/rateLimit", "1",
                    "/~1orders/POST/throttling/burstLimit", "1", "/~1orders/POST/throttling/rateLimit", "1");
            URI orders = URI.create(stack.endpoint() + "/restapis/" + id + "/prod/_user_request_/orders");

            assertThat(statuses(stack, id, "/orders", 3)).containsExactly(200, 200, 429);
            assertThat(List.of(ApiTestSupport.post(orders, "{}").statusCode(),
                    ApiTestSupport.post(orders, "{}").statusCode())).containsExactly(200, 429);
            // a method without a setting of its own takes the stage's bucket, still full
            for (int i = 0; i < 4; i++) {
                assertThat(ApiTestSupport.send(HttpRequest.newBuilder(orders).DELETE()).statusCode()).isEqualTo(200);
            }
            assertThat(ApiTestSupport.send(HttpRequest.newBuilder(orders).DELETE()).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void a_limit_left_at_minus_one_is_the_stage_wide_ones() {
        try (Stack stack = CONFIG.start(); ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            String id = shop(stack, apis);
            patch(apis, id, "/*/*/throttling/burstLimit", "3", "/*/*/throttling/rateLimit", "1",
                    "/~1orders/GET/throttling/rateLimit", "100");

            // the method's own rate, the stage's burst of 3, in a bucket of its own (the stage's stays full)
            assertThat(statuses(stack, id, "/orders", 4)).containsExactly(200, 200, 200, 429);
            assertThat(statuses(stack, id, "/items", 4)).containsExactly(200, 200, 200, 429);
        }
    }

    @Test
    void method_settings_are_answered_by_get_stage_keyed_as_aws_keys_them_with_aws_defaults() {
        try (Stack stack = CONFIG.start(); ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            String id = shop(stack, apis);
            patch(apis, id, "/~1orders/GET/throttling/rateLimit", "12.5", "/~1orders/GET/metrics/enabled", "true",
                    "/~1orders/GET/logging/loglevel", "INFO", "/~1orders/GET/caching/ttlInSeconds", "60",
                    "/*/*/logging/dataTrace", "true");

            Map<String, MethodSetting> settings = apis.getStage(b -> b.restApiId(id).stageName("prod"))
                    .methodSettings();
            assertThat(settings).containsOnlyKeys("*/*", "~1orders/GET");
            MethodSetting orders = settings.get("~1orders/GET");
            assertThat(orders.throttlingRateLimit()).isEqualTo(12.5);
            assertThat(orders.throttlingBurstLimit()).isEqualTo(-1);
            assertThat(orders.metricsEnabled()).isTrue();
            assertThat(orders.loggingLevel()).isEqualTo("INFO");
            assertThat(orders.cacheTtlInSeconds()).isEqualTo(60);
            assertThat(orders.cachingEnabled()).isFalse();
            assertThat(orders.requireAuthorizationForCacheControl()).isTrue();
            assertThat(orders.unauthorizedCacheControlHeaderStrategy())
                    .isEqualTo(UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
            assertThat(settings.get("*/*").dataTraceEnabled()).isTrue();
            assertThat(apis.getStages(b -> b.restApiId(id)).item().get(0).methodSettings()).isEqualTo(settings);

            apis.updateStage(b -> b.restApiId(id).stageName("prod")
                    .patchOperations(p -> p.op(Op.REMOVE).path("/~1orders/GET")));
            assertThat(apis.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings())
                    .containsOnlyKeys("*/*");
        }
    }

    @Test
    void unknown_setting_paths_and_bad_values_are_refused_as_aws_refuses_them_and_change_nothing() {
        try (Stack stack = CONFIG.start(); ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            String id = shop(stack, apis);

            assertThatThrownBy(() -> patch(apis, id, "/~1orders/GET/throttling/rateLimit", "5",
                    "/~1orders/GET/throttling/speed", "1")).isInstanceOf(BadRequestException.class)
                    .hasMessageStartingWith("Invalid method setting path: /~1orders/GET/throttling/speed. Must be one "
                            + "of: [/deploymentId, /description, /cacheClusterEnabled,")
                    .hasMessageContaining("/*/*/throttling/burstLimit /*/*/throttling/rateLimit"
                            + " /*/*/caching/ttlInSeconds,");
            assertThatThrownBy(() -> patch(apis, id, "/orders/GET/throttling/rateLimit", "5"))
                    .hasMessageStartingWith("Invalid method setting path: /orders/GET/throttling/rateLimit.");
            assertThatThrownBy(() -> patch(apis, id, "/~1orders/ANY/throttling/rateLimit", "5"))
                    .hasMessageStartingWith("Invalid method setting path: /~1orders/ANY/throttling/rateLimit.");
            assertThatThrownBy(() -> patch(apis, id, "/~1orders/GET/throttling/rateLimit", "fast"))
                    .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid throttling rate limit for "
                            + "/~1orders/GET/throttling/rateLimit: fast. Must be a number not below 0, or -1");
            assertThatThrownBy(() -> patch(apis, id, "/*/*/throttling/burstLimit", "-5"))
                    .hasMessageStartingWith("Invalid throttling burst limit for /*/*/throttling/burstLimit: -5.");
            assertThatThrownBy(() -> patch(apis, id, "/*/*/logging/loglevel", "DEBUG")).hasMessageStartingWith(
                    "Invalid logging level for /*/*/logging/loglevel: DEBUG. Must be one of: [OFF, ERROR, INFO]");
            assertThatThrownBy(() -> patch(apis, id, "/*/*/metrics/enabled", "yes")).hasMessageStartingWith(
                    "Invalid boolean value for /*/*/metrics/enabled: yes. Must be true or false");
            assertThatThrownBy(() -> apis.updateStage(b -> b.restApiId(id).stageName("prod")
                    .patchOperations(p -> p.op(Op.REMOVE).path("/~1items/GET"))))
                    .hasMessageStartingWith("Cannot remove method setting ~1items/GET because there is no method"
                            + " setting for this method ");

            assertThat(apis.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings()).isEmpty();
            assertThat(statuses(stack, id, "/orders", 6)).containsOnly(200);
        }
    }

    @Test
    void method_settings_and_their_throttles_survive_a_reload_from_the_data_directory() {
        DataDirectory data = DataDirectory.open(dir);
        String id;
        try (Stack stack = data.start(CONFIG, System.err::println);
                ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            id = shop(stack, apis);
            patch(apis, id, "/~1orders/GET/throttling/burstLimit", "1", "/~1orders/GET/throttling/rateLimit", "1",
                    "/~1orders/GET/caching/enabled", "true");
            data.save(stack);
        }
        try (Stack stack = data.start(CONFIG, System.err::println);
                ApiGatewayClient apis = ApiTestSupport.apiGateway(stack)) {
            MethodSetting orders = apis.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings()
                    .get("~1orders/GET");
            assertThat(orders.throttlingBurstLimit()).isEqualTo(1);
            assertThat(orders.cachingEnabled()).isTrue();
            assertThat(statuses(stack, id, "/orders", 2)).containsExactly(200, 429);
            assertThat(statuses(stack, id, "/items", 2)).containsExactly(200, 200);
        }
    }
}
