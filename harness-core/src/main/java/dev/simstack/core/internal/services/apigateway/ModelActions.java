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

/** CreateModel, GetModel, GetModels, GetModelTemplate, UpdateModel (schema and description) and DeleteModel. */
final class ModelActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("schema", "description");

    private final ControlPlane plane;

    ModelActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateModel", this::create);
        operations.put("GetModel", (call, input) -> json(model(plane.api(call, input), input)));
        operations.put("GetModels", this::list);
        operations.put("GetModelTemplate", (call, input) -> {
            RestApi api = plane.api(call, input);
            return NODES.objectNode().put("value", ModelTemplate.of(api, model(api, input)));
        });
        operations.put("UpdateModel", this::update);
        operations.put("DeleteModel", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        String name = input.string("name");
        if (name == null || !name.matches("[A-Za-z0-9]+")) {
            throw ControlPlane.badRequest("Invalid model name specified: " + name
                    + " (a model name is alphanumeric and non-empty)");
        }
        String contentType = input.string("contentType");
        if (contentType == null || contentType.isEmpty()) {
            throw ControlPlane.badRequest("Invalid model specified: a model needs a contentType "
                    + "(application/json for a JSON Schema)");
        }
        if (api.models().containsKey(name)) {
            throw ControlPlane.conflict("Model name already exists for this REST API");
        }
        String schema = input.string("schema");
        if (schema != null) {
            ModelSchemas.checked(schema);
        }
        Model model = new Model(plane.regions().newId(), name, input.string("description"), schema, contentType);
        api.models().put(name, model);
        return json(model);
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).models().values().stream().sorted(Comparator.comparing(Model::name))
                .forEach(model -> items.add(json(model)));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Model model = model(api, input);
        ObjectNode patched = PatchOperations.apply(json(model), input.node().path("patchOperations"), PATCHABLE);
        String schema = text(patched, "schema");
        if (schema != null) {
            ModelSchemas.checked(schema);
        }
        Model updated = model.with(schema, text(patched, "description"));
        api.models().put(updated.name(), updated);
        return json(updated);
    }

    private JsonNode delete(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        Model model = model(api, input);
        for (ResourceTree.Resource resource : api.resources().all()) {
            for (Method method : resource.methods().values()) {
                if (method.requestModels().containsValue(model.name())) {
                    throw ControlPlane.conflict("Cannot delete model '" + model.name()
                            + "', is referenced in method request: " + resource.path() + "/" + method.httpMethod());
                }
                boolean inResponse = method.methodResponses().values().stream()
                        .anyMatch(r -> r.responseModels().containsValue(model.name()));
                if (inResponse) {
                    throw ControlPlane.conflict("Cannot delete model '" + model.name()
                            + "', is referenced in method response: " + resource.path() + "/" + method.httpMethod());
                }
            }
        }
        api.models().remove(model.name());
        return NODES.objectNode();
    }

    private static Model model(RestApi api, Input input) {
        String name = input.requiredString("model_name");
        Model model = api.models().get(name);
        if (model == null) {
            throw ControlPlane.notFound("Invalid model name specified: " + name);
        }
        return model;
    }

    static ObjectNode json(Model model) {
        ObjectNode json = NODES.objectNode();
        json.put("id", model.id());
        json.put("name", model.name());
        if (model.description() != null) {
            json.put("description", model.description());
        }
        if (model.schema() != null) {
            json.put("schema", model.schema());
        }
        json.put("contentType", model.contentType());
        return json;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() ? value.asText() : null;
    }
}
