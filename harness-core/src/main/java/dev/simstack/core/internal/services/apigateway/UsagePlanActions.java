package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * CreateUsagePlan, GetUsagePlan(s), UpdateUsagePlan, DeleteUsagePlan, and CreateApiKey with CreateUsagePlanKey
 * (the other key operations are {@link ApiKeyActions} and {@link UsagePlanKeyActions}).
 */
final class UsagePlanActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("name", "description", "throttle", "quota", "productCode");

    private final ApiRegions regions;

    UsagePlanActions(ApiRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateUsagePlan", this::createUsagePlan);
        operations.put("GetUsagePlan", (call, input) -> planJson(plan(call, input)));
        operations.put("GetUsagePlans", this::getUsagePlans);
        operations.put("UpdateUsagePlan", this::updateUsagePlan);
        operations.put("DeleteUsagePlan", this::deleteUsagePlan);
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
        if (input.has("description")) {
            plan.update(plan.name(), input.string("description"), plan.rate(), plan.burst(), plan.quotaLimit(),
                    plan.quotaPeriod());
        }
        for (JsonNode stage : input.node().path("apiStages")) {
            plan.addStage(stage.path("apiId").asText(), stage.path("stage").asText());
        }
        return planJson(plan);
    }

    private JsonNode getUsagePlans(DecodedCall call, Input input) {
        String keyId = input.has("keyId") ? input.string("keyId") : null;
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        regions.region(call.region()).plans().values().stream().filter(plan -> keyId == null || plan.hasKey(keyId))
                .sorted(Comparator.comparing(UsagePlanState::id)).forEach(plan -> items.add(planJson(plan)));
        return output;
    }

    /**
     * Patches the plan's shape: {@code /name}, {@code /description}, {@code /throttle/rateLimit|burstLimit},
     * {@code /quota/limit|period} as members, and {@code /apiStages} with add or remove of {@code apiId:stage}.
     */
    private JsonNode updateUsagePlan(DecodedCall call, Input input) {
        UsagePlanState plan = plan(call, input);
        ArrayNode members = NODES.arrayNode();
        List<String[]> stages = new ArrayList<>(plan.stages());
        for (JsonNode operation : input.node().path("patchOperations")) {
            if (!operation.path("path").asText().equals("/apiStages")) {
                members.add(operation);
                continue;
            }
            String[] stage = operation.path("value").asText().split(":", 2);
            if (stage.length != 2) {
                throw ControlPlane.badRequest("Invalid API stage specified: " + operation.path("value").asText()
                        + " (an API stage is apiId:stageName)");
            }
            stages.removeIf(s -> s[0].equals(stage[0]) && s[1].equals(stage[1]));
            if (operation.path("op").asText().equals("add")) {
                stages.add(stage);
            }
        }
        ObjectNode patched = PatchOperations.apply(planJson(plan), members, PATCHABLE);
        JsonNode throttle = patched.path("throttle");
        JsonNode quota = patched.path("quota");
        String period = quota.path("period").asText("DAY");
        if (!period.matches("DAY|WEEK|MONTH")) {
            throw ControlPlane.badRequest("Invalid quota period: " + period + ". Must be DAY, WEEK or MONTH");
        }
        plan.update(patched.path("name").asText(), patched.path("description").asText(null),
                throttle.path("rateLimit").asDouble(0), throttle.path("burstLimit").asInt(0),
                quota.path("limit").asInt(0), period);
        plan.replaceStages(stages);
        return planJson(plan);
    }

    private JsonNode deleteUsagePlan(DecodedCall call, Input input) {
        regions.region(call.region()).plans().remove(plan(call, input).id());
        return NODES.objectNode();
    }

    static UsagePlanState plan(ApiRegions regions, DecodedCall call, Input input) {
        UsagePlanState plan = regions.region(call.region()).plans().get(input.requiredString("usageplanId"));
        if (plan == null) {
            throw ControlPlane.notFound("Invalid Usage Plan ID specified");
        }
        return plan;
    }

    private UsagePlanState plan(DecodedCall call, Input input) {
        return plan(regions, call, input);
    }

    private JsonNode createApiKey(DecodedCall call, Input input) {
        String value = input.has("value") ? input.string("value")
                : regions.context().ids().next().replace("-", "").substring(0, 30) + "abcdefghij";
        if (value.length() < 20) {
            throw ControlPlane.badRequest("API Key value should be at least 20 characters");
        }
        ApiRegion region = regions.region(call.region());
        ApiRegion.ApiKey created = createKey(region, input.string("name"), value);
        ApiRegion.ApiKey key = new ApiRegion.ApiKey(created.id(), created.name(), value,
                !Boolean.FALSE.equals(input.bool("enabled")), created.createdAt(), input.string("description"),
                input.string("customerId"), created.createdAt());
        region.keys().put(key.id(), key);
        return ApiKeyActions.json(key, true);
    }

    private JsonNode createUsagePlanKey(DecodedCall call, Input input) {
        UsagePlanState plan = plan(call, input);
        ApiRegion.ApiKey key = ApiKeyActions.key(regions.region(call.region()), input.requiredString("keyId"));
        String type = input.has("keyType") ? input.string("keyType") : "API_KEY";
        if (!type.equals("API_KEY")) {
            throw ControlPlane.badRequest("Invalid key type specified: " + type + ". Must be API_KEY");
        }
        if (plan.hasKey(key.id())) {
            throw ControlPlane.conflict("Usage Plan " + plan.id() + " already has API Key " + key.id());
        }
        plan.addKey(key.id());
        return UsagePlanKeyActions.json(key);
    }

    private static ObjectNode planJson(UsagePlanState plan) {
        ObjectNode json = NODES.objectNode();
        json.put("id", plan.id());
        json.put("name", plan.name());
        if (plan.description() != null) {
            json.put("description", plan.description());
        }
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
