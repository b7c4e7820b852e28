package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.function.BiFunction;

/** GetUsagePlanKey, GetUsagePlanKeys and DeleteUsagePlanKey: the API keys of a usage plan. */
final class UsagePlanKeyActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiRegions regions;

    UsagePlanKeyActions(ApiRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("GetUsagePlanKey", (call, input) -> json(planKey(call, input)));
        operations.put("GetUsagePlanKeys", this::list);
        operations.put("DeleteUsagePlanKey", this::delete);
    }

    private JsonNode list(DecodedCall call, Input input) {
        UsagePlanState plan = UsagePlanActions.plan(regions, call, input);
        String name = input.has("name") ? input.string("name") : null;
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        regions.region(call.region()).keys().values().stream().filter(key -> plan.hasKey(key.id()))
                .filter(key -> name == null || key.name() != null && key.name().startsWith(name))
                .sorted(Comparator.comparing(ApiRegion.ApiKey::id)).forEach(key -> items.add(json(key)));
        return output;
    }

    private JsonNode delete(DecodedCall call, Input input) {
        ApiRegion.ApiKey key = planKey(call, input);
        UsagePlanActions.plan(regions, call, input).removeKey(key.id());
        return NODES.objectNode();
    }

    private ApiRegion.ApiKey planKey(DecodedCall call, Input input) {
        UsagePlanState plan = UsagePlanActions.plan(regions, call, input);
        ApiRegion.ApiKey key = ApiKeyActions.key(regions.region(call.region()), input.requiredString("keyId"));
        if (!plan.hasKey(key.id())) {
            throw ControlPlane.notFound("Invalid Usage Plan Key identifier specified: API Key " + key.id()
                    + " is not in Usage Plan " + plan.id());
        }
        return key;
    }

    /** AWS's UsagePlanKey shape: a plan's key is answered with its value. */
    static ObjectNode json(ApiRegion.ApiKey key) {
        ObjectNode json = NODES.objectNode();
        json.put("id", key.id());
        json.put("type", "API_KEY");
        json.put("value", key.value());
        if (key.name() != null) {
            json.put("name", key.name());
        }
        return json;
    }
}
