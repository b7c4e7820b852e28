package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.apigateway.ApiHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** A REST API built through the control plane, with a stage, models, usage plan and key, answers the same after a reload. */
class ApiGatewaySnapshotTest {

    @TempDir
    Path dir;

    private static final StackConfig CONFIG = StackConfig.defaults()
            .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class));

    private static ApiGatewayClient client(Stack stack) {
        return ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static HttpResponse<String> get(URI uri, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rest_api_resources_stage_usage_plan_and_key_survive() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        String apiId;
        String keyValue = "abcdefghijklmnopqrstuvwxyz";
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayClient apis = client(stack)) {
            apiId = apis.createRestApi(b -> b.name("built")).id();
            String id = apiId;
            Resource root = apis.getResources(b -> b.restApiId(id)).items().get(0);
            String items = apis.createResource(b -> b.restApiId(id).parentId(root.id()).pathPart("items")).id();
            String item = apis.createResource(b -> b.restApiId(id).parentId(items).pathPart("{id}")).id();
            apis.putMethod(b -> b.restApiId(id).resourceId(item).httpMethod("GET").authorizationType("NONE")
                    .apiKeyRequired(true));
            apis.putIntegration(b -> b.restApiId(id).resourceId(item).httpMethod("GET")
                    .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                    .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function("echo").arn()
                            + "/invocations"));
            apis.createModel(b -> b.restApiId(id).name("Item").contentType("application/json")
                    .schema("{\"type\": \"object\"}"));
            apis.createDeployment(b -> b.restApiId(id).stageName("test"));
            String planId = apis.createUsagePlan(b -> b.name("plan").apiStages(s -> s.apiId(id).stage("test"))
                    .throttle(t -> t.rateLimit(100.0).burstLimit(10)).quota(q -> q.limit(1000).period(QuotaPeriodType.DAY)))
                    .id();
            var key = apis.createApiKey(b -> b.name("k").enabled(true).value(keyValue));
            apis.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
            data.save(stack);
        }
        try (Stack stack = data.start(CONFIG, System.err::println); ApiGatewayClient apis = client(stack)) {
            assertThat(data.loaded()).hasValueSatisfying(l -> assertThat(l.counts()).contains("1 APIs", "1 usage plans",
                    "1 functions"));
            String id = apiId;
            assertThat(apis.getResources(b -> b.restApiId(id)).items()).extracting(Resource::path)
                    .containsExactlyInAnyOrder("/", "/items", "/items/{id}");
            assertThat(apis.getStage(b -> b.restApiId(id).stageName("test")).stageName()).isEqualTo("test");
            assertThat(apis.getModels(b -> b.restApiId(id)).items()).extracting(m -> m.name())
                    .containsExactly("Empty", "Error", "Item");
            // The usage plan and its key are back: the key is what lets the request through.
            URI uri = URI.create(stack.endpoint() + "/restapis/" + id + "/test/_user_request_/items/42");
            assertThat(get(uri, null).statusCode()).isEqualTo(403);
            HttpResponse<String> withKey = get(uri, keyValue);
            assertThat(withKey.statusCode()).isEqualTo(200);
            assertThat(withKey.body()).contains("\"id\":\"42\"");
        }
    }
}
