package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/**
 * API keys and usage plans as deploy tools read, change and remove them (Terraform's aws_api_gateway_api_key,
 * aws_api_gateway_usage_plan and aws_api_gateway_usage_plan_key), and what each change does to requests.
 */
class ApiKeysAndUsagePlansTest {

    private static final String VALUE = "abcdefghijklmnopqrstuvwxyz0123";

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;
    private String planId;
    private String keyId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(8).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    /** A MOCK method that requires an API key, deployed to {@code prod}, with a plan and one key in it. */
    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("metered")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE")
                .apiKeyRequired(true));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200"));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        planId = apis.createUsagePlan(b -> b.name("plan-" + apiId).apiStages(s -> s.apiId(apiId).stage("prod")))
                .id();
        keyId = apis.createApiKey(b -> b.name("key-" + apiId).customerId("acme").enabled(true)
                .value(VALUE + apiId)).id();
        apis.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));
    }

    private int call() {
        return ApiTestSupport.get(URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/"),
                "x-api-key", VALUE + apiId).statusCode();
    }

    private static PatchOperation patch(Op op, String path, String value) {
        return PatchOperation.builder().op(op).path(path).value(value).build();
    }

    @Test
    void a_key_value_is_answered_only_when_asked_for() {
        assertThat(apis.getApiKey(b -> b.apiKey(keyId)).value()).isNull();
        assertThat(apis.getApiKey(b -> b.apiKey(keyId).includeValue(true)).value()).isEqualTo(VALUE + apiId);
        var listed = apis.getApiKeys(b -> b.nameQuery("key-" + apiId).includeValues(true)).items();
        assertThat(listed).extracting(ApiKey::id, ApiKey::value, ApiKey::customerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(keyId, VALUE + apiId, "acme"));
    }

    @Test
    void a_disabled_key_is_refused_until_it_is_enabled_again() {
        assertThat(call()).isEqualTo(200);

        {
            var updated = apis.updateApiKey(b -> b.apiKey(keyId).patchOperations(patch(Op.REPLACE, "/enabled", "false"),
                    patch(Op.REPLACE, "/description", "paused")));
            assertThat(updated.enabled()).isFalse();
            assertThat(updated.description()).isEqualTo("paused");
            assertThat(call()).isEqualTo(403);
        }
        apis.updateApiKey(b -> b.apiKey(keyId).patchOperations(patch(Op.REPLACE, "/enabled", "true")));
        assertThat(call()).isEqualTo(200);
    }

    @Test
    void plans_are_found_by_key_and_list_their_keys() {
        assertThat(apis.getUsagePlans(b -> b.keyId(keyId)).items()).extracting(UsagePlan::id).containsExactly(planId);
        assertThat(apis.getUsagePlanKeys(b -> b.usagePlanId(planId)).items()).extracting(UsagePlanKey::id,
                UsagePlanKey::type).containsExactly(org.assertj.core.groups.Tuple.tuple(keyId, "API_KEY"));
        assertThat(apis.getUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId)).value()).isEqualTo(VALUE + apiId);
        assertThatThrownBy(() -> apis.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_key_taken_out_of_its_plan_is_refused() {
        apis.deleteUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId));

        assertThat(call()).isEqualTo(403);
        assertThat(apis.getUsagePlanKeys(b -> b.usagePlanId(planId)).items()).isEmpty();
        assertThatThrownBy(() -> apis.getUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_deleted_key_leaves_every_plan() {
        apis.deleteApiKey(b -> b.apiKey(keyId));

        assertThat(apis.getUsagePlans(b -> b.keyId(keyId)).items()).isEmpty();
        assertThatThrownBy(() -> apis.getApiKey(b -> b.apiKey(keyId))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid API Key identifier specified");
        assertThat(call()).isEqualTo(403);
    }

    @Test
    void an_updated_quota_applies_to_the_next_request_and_a_removed_stage_refuses_the_key() {
        var updated = apis.updateUsagePlan(b -> b.usagePlanId(planId).patchOperations(
                patch(Op.REPLACE, "/name", "gold"), patch(Op.REPLACE, "/quota/limit", "1"),
                patch(Op.REPLACE, "/quota/period", "DAY")));

        assertThat(updated.name()).isEqualTo("gold");
        assertThat(updated.quota().limit()).isEqualTo(1);
        assertThat(call()).isEqualTo(200);
        assertThat(call()).isEqualTo(429);

        apis.updateUsagePlan(b -> b.usagePlanId(planId).patchOperations(
                patch(Op.REMOVE, "/apiStages", apiId + ":prod"), patch(Op.REMOVE, "/quota", null)));
        assertThat(apis.getUsagePlan(b -> b.usagePlanId(planId)).apiStages()).isEmpty();
        assertThat(call()).isEqualTo(403);
    }

    @Test
    void a_deleted_plan_is_gone() {
        apis.deleteUsagePlan(b -> b.usagePlanId(planId));

        assertThatThrownBy(() -> apis.getUsagePlan(b -> b.usagePlanId(planId))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid Usage Plan ID specified");
        assertThat(apis.getUsagePlans(b -> b.keyId(keyId)).items()).isEmpty();
    }
}
