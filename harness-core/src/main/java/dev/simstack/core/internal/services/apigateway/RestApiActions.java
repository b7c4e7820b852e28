package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;

/** CreateRestApi, GetRestApi, GetRestApis, UpdateRestApi (name and description) and DeleteRestApi. */
final class RestApiActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("name", "description");

    private final ControlPlane plane;

    RestApiActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateRestApi", this::createRestApi);
        operations.put("GetRestApi", (call, input) -> restApiJson(plane.api(call, input)));
        operations.put("GetRestApis", this::getRestApis);
        operations.put("UpdateRestApi", this::updateRestApi);
        operations.put("DeleteRestApi", this::deleteRestApi);
    }

    private JsonNode createRestApi(DecodedCall call, Input input) {
        ApiRegions regions = plane.regions();
        RestApi api = new RestApi(regions.newId(), input.requiredString("name"), false, plane.now(), regions.newId());
        api.describe(api.name(), input.string("description"));
        api.models().putAll(ModelSchemas.defaults(regions));
        regions.add(regions.region(call.region()), api);
        return restApiJson(api);
    }

    private JsonNode getRestApis(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.regions().region(call.region()).apis().values().stream().filter(a -> !a.http())
                .forEach(api -> items.add(restApiJson(api)));
        return output;
    }

    private JsonNode updateRestApi(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ObjectNode patched = PatchOperations.apply(restApiJson(api), input.node().path("patchOperations"), PATCHABLE);
        String name = patched.path("name").asText("");
        if (name.isEmpty()) {
            throw ControlPlane.badRequest("Invalid REST API name specified: the name must not be empty");
        }
        JsonNode description = patched.path("description");
        api.describe(name, description.isTextual() ? description.asText() : null);
        return restApiJson(api);
    }

    private JsonNode deleteRestApi(DecodedCall call, Input input) {
        plane.regions().remove(plane.regions().region(call.region()), plane.api(call, input));
        return NODES.objectNode();
    }

    static ObjectNode restApiJson(RestApi api) {
        ObjectNode json = NODES.objectNode();
        json.put("id", api.id());
        json.put("name", api.name());
        if (api.description() != null) {
            json.put("description", api.description());
        }
        json.put("createdDate", api.createdAt() / 1000);
        json.put("apiKeySource", api.apiKeySource());
        json.putObject("endpointConfiguration").putArray("types").add("EDGE");
        json.put("rootResourceId", api.resources().rootId());
        return json;
    }
}
