package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.function.BiFunction;

/** CreateUsagePlan, GetUsagePlan, CreateApiKey and CreateUsagePlanKey. */
final class UsagePlanActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiRegions regions;

    UsagePlanActions(ApiRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateUsagePlan", this::createUsagePlan);
        operations.put("GetUsagePlan", (call, input) -> planJson(plan(call, input)));
        operations.put("CreateApiKey", this::createApiKey);
        operations.put("CreateUsagePlanKey", this::createUsagePlanKey);
    }

    /** Creates a plan; {@code rate} 0 means no per-key throttle, {@code quotaLimit} 0 no quota. */
    UsagePlanState createPlan(ApiRegion region, String name, double rate, int burst, int quotaLimit, String period) {
        UsagePlanState plan = new UsagePlanState(regions.newId(), name, rate, burst, quotaLimit, period,
                regions.context().clock());
        region.plans().put(plan.id(), plan);
        return plan;
    }

    ApiRegion.ApiKey createKey(ApiRegion region, String name, String value) {
        ApiRegion.ApiKey key = new ApiRegion.ApiKey(regions.newId(), name, value, true,
                regions.context().clock().millis());
        region.keys().put(key.id(), key);
        return key;
    }

    private JsonNode createUsagePlan(DecodedCall call, Input input) {
        JsonNode throttle = input.node().path("throttle");
        JsonNode quota = input.node().path("quota");
        String period = quota.path("period").asText("DAY");
        if (!quota.isMissingNode() && !period.matches("DAY|WEEK|MONTH")) {
            throw ControlPlane.badRequest("Invalid quota period: " + period);
        }
        UsagePlanState plan = createPlan(regions.region(call.region()), input.requiredString("name"),
                throttle.path("rateLimit").asDouble(0), throttle.path("burstLimit").asInt(0),
                quota.path("limit").asInt(0), period);
        for (JsonNode stage : input.node().path("apiStages")) {
            plan.addStage(stage.path("apiId").asText(), stage.path("stage").asText());
        }
        return planJson(plan);
    }

    private UsagePlanState plan(DecodedCall call, Input input) {
        UsagePlanState plan = regions.region(call.region()).plans().get(input.requiredString("usageplanId"));
        if (plan == null) {
            throw ControlPlane.notFound("Invalid Usage Plan ID specified");
        }
        return plan;
    }

    private JsonNode createApiKey(DecodedCall call, Input input) {
        String value = input.has("value") ? input.string("value")
                : regions.context().ids().next().replace("-", "").substring(0, 30) + "abcdefghij";
        if (value.length() < 20) {
            throw ControlPlane.badRequest("API Key value should be at least 20 characters");
        }
        ApiRegion.ApiKey key = createKey(regions.region(call.region()), input.string("name"), value);
        ObjectNode json = NODES.objectNode();
        json.put("id", key.id());
        json.put("value", key.value());
        json.put("name", key.name());
        json.put("enabled", !Boolean.FALSE.equals(input.bool("enabled")));
        json.put("createdDate", key.createdAt() / 1000);
        json.put("lastUpdatedDate", key.createdAt() / 1000);
        json.putArray("stageKeys");
        return json;
    }

    private JsonNode createUsagePlanKey(DecodedCall call, Input input) {
        UsagePlanState plan = plan(call, input);
        ApiRegion.ApiKey key = regions.region(call.region()).keys().get(input.requiredString("keyId"));
        if (key == null) {
            throw ControlPlane.notFound("Invalid API Key identifier specified");
        }
        plan.addKey(key.id());
        ObjectNode json = NODES.objectNode();
        json.put("id", key.id());
        json.put("type", "API_KEY");
        json.put("value", key.value());
        json.put("name", key.name());
        return json;
    }

    private static ObjectNode planJson(UsagePlanState plan) {
        ObjectNode json = NODES.objectNode();
        json.put("id", plan.id());
        json.put("name", plan.name());
        var stages = json.putArray("apiStages");
        plan.stages().forEach(s -> stages.addObject().put("apiId", s[0]).put("stage", s[1]));
        if (plan.rate() > 0) {
            json.putObject("throttle").put("burstLimit", plan.burst()).put("rateLimit", plan.rate());
        }
        if (plan.quotaLimit() > 0) {
            json.putObject("quota").put("limit", plan.quotaLimit()).put("offset", 0).put("period", plan.quotaPeriod());
        }
        return json;
    }
}
