package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** A REST API built with the SDK's ApiGatewayClient, as an infrastructure test would build it. */
class ControlPlaneTest {

    private static Stack stack;
    private static ApiGatewayClient apis;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1)
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class)).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    private String lambdaUri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function(function).arn()
                + "/invocations";
    }

    @Test
    void a_rest_api_with_a_lambda_proxy_method_a_deployment_and_a_usage_plan() {
        String apiId = apis.createRestApi(b -> b.name("built")).id();
        Resource root = apis.getResources(b -> b.restApiId(apiId)).items().get(0);
        assertThat(root.path()).isEqualTo("/");
        String items = apis.createResource(b -> b.restApiId(apiId).parentId(root.id()).pathPart("items")).id();
        String item = apis.createResource(b -> b.restApiId(apiId).parentId(items).pathPart("{id}")).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(item).httpMethod("GET").authorizationType("NONE")
                .apiKeyRequired(true));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(item).httpMethod("GET")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(lambdaUri("echo")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("test"));
        String planId = apis.createUsagePlan(b -> b.name("plan").apiStages(s -> s.apiId(apiId).stage("test"))
                .throttle(t -> t.rateLimit(100.0).burstLimit(10)).quota(q -> q.limit(1000).period(QuotaPeriodType.DAY)))
                .id();
        var key = apis.createApiKey(b -> b.name("k").enabled(true).value("abcdefghijklmnopqrstuvwxyz"));
        apis.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));

        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/test/_user_request_/items/42");
        HttpResponse<String> withoutKey = ApiTestSupport.get(uri);
        HttpResponse<String> withKey = ApiTestSupport.get(uri, "x-api-key", key.value());

        assertThat(withoutKey.statusCode()).isEqualTo(403);
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.body()).contains("\"resource\":\"/items/{id}\"").contains("\"id\":\"42\"");
        assertThat(apis.getStage(b -> b.restApiId(apiId).stageName("test")).stageName()).isEqualTo("test");
    }

    @Test
    void unknown_apis_get_not_found() {
        assertThatThrownBy(() -> apis.getResources(b -> b.restApiId("nope")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API identifier specified");
    }
}
