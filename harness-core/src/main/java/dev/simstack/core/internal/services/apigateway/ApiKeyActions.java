package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * GetApiKey, GetApiKeys, UpdateApiKey and DeleteApiKey. A key's value is answered only when asked for
 * ({@code includeValue}, {@code includeValues}), as AWS does; deleting a key takes it out of every usage plan.
 */
final class ApiKeyActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("name", "description", "enabled", "customerId");

    private final ControlPlane plane;

    ApiKeyActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("GetApiKey", (call, input) -> json(key(region(call), input.requiredString("api_Key")),
                Boolean.TRUE.equals(input.bool("includeValue"))));
        operations.put("GetApiKeys", this::list);
        operations.put("UpdateApiKey", this::update);
        operations.put("DeleteApiKey", this::delete);
    }

    private ApiRegion region(DecodedCall call) {
        return plane.regions().region(call.region());
    }

    private JsonNode list(DecodedCall call, Input input) {
        boolean values = Boolean.TRUE.equals(input.bool("includeValues"));
        String name = input.has("name") ? input.string("name") : null;
        String customer = input.has("customerId") ? input.string("customerId") : null;
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        region(call).keys().values().stream()
                .filter(key -> name == null || key.name() != null && key.name().startsWith(name))
                .filter(key -> customer == null || customer.equals(key.customerId()))
                .sorted(Comparator.comparing(ApiRegion.ApiKey::id)).forEach(key -> items.add(json(key, values)));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        ApiRegion region = region(call);
        ApiRegion.ApiKey key = key(region, input.requiredString("api_Key"));
        ObjectNode patched = PatchOperations.apply(json(key, false), input.node().path("patchOperations"), PATCHABLE);
        ApiRegion.ApiKey updated = new ApiRegion.ApiKey(key.id(), patched.path("name").asText(null), key.value(),
                patched.path("enabled").asBoolean(), key.createdAt(), patched.path("description").asText(null),
                patched.path("customerId").asText(null), plane.now());
        region.keys().put(updated.id(), updated);
        return json(updated, false);
    }

    private JsonNode delete(DecodedCall call, Input input) {
        ApiRegion region = region(call);
        ApiRegion.ApiKey key = key(region, input.requiredString("api_Key"));
        region.keys().remove(key.id());
        region.plans().values().forEach(plan -> plan.removeKey(key.id()));
        return NODES.objectNode();
    }

    /** The key {@code id} of {@code region}, or NotFoundException. */
    static ApiRegion.ApiKey key(ApiRegion region, String id) {
        ApiRegion.ApiKey key = region.keys().get(id);
        if (key == null) {
            throw ControlPlane.notFound("Invalid API Key identifier specified");
        }
        return key;
    }

    /** AWS's ApiKey shape; dates in epoch seconds, as the REST-JSON protocol writes timestamps. */
    static ObjectNode json(ApiRegion.ApiKey key, boolean withValue) {
        ObjectNode json = NODES.objectNode();
        json.put("id", key.id());
        if (withValue) {
            json.put("value", key.value());
        }
        if (key.name() != null) {
            json.put("name", key.name());
        }
        if (key.description() != null) {
            json.put("description", key.description());
        }
        if (key.customerId() != null) {
            json.put("customerId", key.customerId());
        }
        json.put("enabled", key.enabled());
        json.put("createdDate", key.createdAt() / 1000);
        json.put("lastUpdatedDate", key.updatedAt() / 1000);
        json.putArray("stageKeys");
        return json;
    }
}
