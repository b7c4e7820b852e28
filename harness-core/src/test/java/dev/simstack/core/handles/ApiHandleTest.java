package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.apigateway.ApiHandlers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** {@code stack.api(..)}: the stage's base URL reaches the API; the handle follows the API by name. */
class ApiHandleTest {

    private Stack stack;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(13)
                .withFunction(FunctionSpec.named("orders", ApiHandlers.OrderApi.class))
                .withApi(ApiSpec.rest("shop").withRoute("POST /orders/{id}", ApiSpec.Integration.lambda("orders")))
                .start();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void url_is_the_stage_base_url_and_reaches_the_api() throws IOException, InterruptedException {
        ApiHandle shop = stack.api("shop");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(shop.url() + "/orders/7?q=x")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(shop.url()).isEqualTo(URI.create(stack.endpoint() + "/_aws/execute-api/" + shop.id() + "/"
                + shop.stage()));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created 7 via POST q=[x]");
    }

    @Test
    void id_stage_and_ref_name_the_declared_api() {
        ApiHandle shop = stack.api("shop");

        assertThat(shop.id()).hasSize(10);
        assertThat(shop.stage()).isEqualTo(ApiSpec.rest("shop").stage());
        assertThat(shop.ref()).isEqualTo(ResourceRef.api("us-east-1", "000000000000", shop.id()));
    }

    /** A reset gives declared APIs their ids again (docs/architecture.md, J1: invoke URLs stay valid). */
    @Test
    void a_handle_taken_before_a_reset_answers_the_recreated_api_under_the_same_id() {
        ApiHandle shop = stack.api("shop");
        String before = shop.id();

        stack.reset();

        assertThat(shop.id()).isEqualTo(before).isEqualTo(stack.api("shop").id());
    }

    private ApiGatewayClient apigateway() {
        return ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @Test
    void two_apis_of_one_name_cannot_be_told_apart_by_a_handle() {
        String id = stack.api("shop").id();
        String other;
        try (ApiGatewayClient apigateway = apigateway()) {
            other = apigateway.createRestApi(b -> b.name("shop")).id();
        }
        String ids = id.compareTo(other) < 0 ? id + ", " + other : other + ", " + id;

        assertThatThrownBy(() -> stack.api("shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there are 2 APIs named 'shop' in us-east-1 (ids " + ids + "); API Gateway allows that, a"
                        + " handle by name cannot tell them apart: give them distinct names");
    }

    @Test
    void a_handle_on_a_deleted_api_says_so_when_read() {
        ApiHandle shop = stack.api("shop");
        try (ApiGatewayClient apigateway = apigateway()) {
            apigateway.deleteRestApi(b -> b.restApiId(shop.id()));
        }

        assertThatThrownBy(shop::url).isInstanceOf(IllegalStateException.class)
                .hasMessage("the API Gateway API 'shop' in us-east-1 no longer exists: it was deleted (or the stack"
                        + " reset without it) after this handle was taken; the handle reads it again once it is"
                        + " created again");
    }
}
