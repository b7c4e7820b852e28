package dev.simstack.junit.internal.backend;

import dev.simstack.core.ApiSpec;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanRequest;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/**
 * Creates a declared REST API's usage plans through API Gateway's v1 control plane: each plan on the API's stage
 * with its throttle and quota, and its API keys (enabled, with the declared values, which callers send as
 * {@code x-api-key}) added to it; the keys and the plan are deleted before the API after the class.
 */
final class RemoteUsagePlans {

    private RemoteUsagePlans() {
    }

    /** Creates the plans of {@code spec}, deployed as REST API {@code apiId} in {@code region}. */
    static void create(ApiGatewayClient apigateway, ApiSpec spec, String apiId, String region, RemoteTarget target,
            RemoteResources resources) {
        Map<String, String> tags = Map.of(RemoteStack.RUN_TAG, target.runId());
        for (ApiSpec.UsagePlan plan : spec.usagePlans()) {
            String name = target.name(plan.name());
            CreateUsagePlanRequest.Builder request = CreateUsagePlanRequest.builder().name(name).tags(tags)
                    .apiStages(s -> s.apiId(apiId).stage(spec.stage()))
                    .throttle(t -> t.rateLimit(plan.rate()).burstLimit(plan.burst()));
            if (plan.quotaLimit() > 0) {
                request.quota(q -> q.limit(plan.quotaLimit()).period(QuotaPeriodType.fromValue(plan.quotaPeriod())));
            }
            String planId = apigateway.createUsagePlan(request.build()).id();
            resources.created("usage plan", name, region, () -> apigateway.deleteUsagePlan(b -> b
                    .usagePlanId(planId)));
            for (int i = 0; i < plan.apiKeys().size(); i++) {
                String value = plan.apiKeys().get(i);
                String keyName = name + "-key-" + (i + 1);
                String keyId = apigateway.createApiKey(b -> b.name(keyName).value(value).enabled(true).tags(tags))
                        .id();
                resources.created("API key", keyName, region, () -> apigateway.deleteApiKey(b -> b.apiKey(keyId)));
                apigateway.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));
            }
        }
    }
}
