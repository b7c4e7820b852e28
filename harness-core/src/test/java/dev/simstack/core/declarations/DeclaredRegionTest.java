package dev.simstack.core.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.apigateway.ApiHandlers;
import dev.simstack.core.lambda.Handlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Functions and APIs declared with inRegion live in that region of the stack, not in the default one. */
class DeclaredRegionTest {

    private static final StackConfig EUROPE = StackConfig.defaults().withRegions("us-east-1", "eu-west-1")
            .withFunction(FunctionSpec.named("echo", Handlers.Echo.class).inRegion("eu-west-1"))
            .withFunction(FunctionSpec.named("events", ApiHandlers.EventEcho.class).inRegion("eu-west-1"))
            .withApi(ApiSpec.rest("shop").withRoute("POST /echo", ApiSpec.Integration.lambda("events"))
                    .inRegion("eu-west-1"));

    @Test
    void a_function_declared_in_a_region_is_invoked_there_only() {
        try (Stack stack = EUROPE.start();
             LambdaClient europe = Clients.lambda(stack, "eu-west-1");
             LambdaClient home = Clients.lambda(stack, "us-east-1")) {
            String answer = europe.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("\"hi\"")))
                    .payload().asUtf8String();

            assertThat(answer).isEqualTo("\"hi\"");
            assertThat(europe.getFunction(b -> b.functionName("echo")).configuration().functionArn())
                    .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:echo");
            assertThatThrownBy(() -> home.getFunction(b -> b.functionName("echo")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void an_api_declared_in_a_region_is_listed_there_and_integrates_that_regions_function() throws Exception {
        try (Stack stack = EUROPE.start();
             ApiGatewayClient europe = Clients.apiGateway(stack, "eu-west-1");
             ApiGatewayClient home = Clients.apiGateway(stack, "us-east-1")) {
            RestApi api = europe.getRestApis().items().get(0);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoint() + "/_aws/execute-api/" + api.id() + "/prod/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("ping")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(api.name()).isEqualTo("shop");
            assertThat(home.getRestApis().items()).isEmpty();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"body\":\"ping\"");
        }
    }
}
