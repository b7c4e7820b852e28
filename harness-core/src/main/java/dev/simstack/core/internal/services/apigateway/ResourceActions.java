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

/** GetResources, GetResource, CreateResource, UpdateResource (path part, parent) and DeleteResource. */
final class ResourceActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("pathPart", "parentId");

    private final ControlPlane plane;

    ResourceActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("GetResources", this::getResources);
        operations.put("GetResource", (call, input) ->
                resourceJson(ControlPlane.resource(plane.api(call, input), input)));
        operations.put("CreateResource", this::createResource);
        operations.put("UpdateResource", this::updateResource);
        operations.put("DeleteResource", this::deleteResource);
    }

    private JsonNode getResources(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).resources().all().forEach(resource -> items.add(resourceJson(resource)));
        return output;
    }

    private JsonNode createResource(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource parent = parent(api, input.requiredString("parent_id"));
        String part = pathPart(input.requiredString("pathPart"));
        ResourceTree.Resource created = api.resources().add(plane.regions().newId(), parent, part);
        if (created == null) {
            throw taken(part);
        }
        return resourceJson(created);
    }

    private JsonNode updateResource(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        if (resource.parentId() == null) {
            throw ControlPlane.badRequest("The root resource cannot be updated");
        }
        ObjectNode patched = PatchOperations.apply(resourceJson(resource), input.node().path("patchOperations"),
                PATCHABLE);
        ResourceTree.Resource parent = parent(api, patched.path("parentId").asText());
        if (api.resources().within(parent, resource)) {
            throw ControlPlane.badRequest("A resource cannot be moved below itself");
        }
        String part = pathPart(patched.path("pathPart").asText());
        ResourceTree.Resource moved = api.resources().move(resource, parent, part);
        if (moved == null) {
            throw taken(part);
        }
        plane.rebuildRoutes(api, call.region());
        return resourceJson(moved);
    }

    private JsonNode deleteResource(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ResourceTree.Resource resource = ControlPlane.resource(api, input);
        if (resource.parentId() == null) {
            throw ControlPlane.badRequest("Cannot delete the root resource of a REST API");
        }
        api.resources().remove(resource);
        plane.rebuildRoutes(api, call.region());
        return NODES.objectNode();
    }

    private static ResourceTree.Resource parent(RestApi api, String id) {
        ResourceTree.Resource parent = api.resources().get(id);
        if (parent == null) {
            throw ControlPlane.notFound("Invalid Resource identifier specified");
        }
        return parent;
    }

    static String pathPart(String part) {
        if (!part.matches("[A-Za-z0-9._:-]+|\\{[A-Za-z0-9._-]+\\+?}")) {
            throw ControlPlane.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
                    + "beginning and the end and an optional plus sign before the closing brace.");
        }
        return part;
    }

    private static RuntimeException taken(String part) {
        return ControlPlane.conflict("Another resource with the same parent already has this name: " + part);
    }

    /** A resource with its methods embedded (AWS embeds them when asked with {@code embed=methods}). */
    static ObjectNode resourceJson(ResourceTree.Resource resource) {
        ObjectNode json = NODES.objectNode();
        json.put("id", resource.id());
        if (resource.parentId() != null) {
            json.put("parentId", resource.parentId());
            json.put("pathPart", resource.pathPart());
        }
        json.put("path", resource.path());
        if (!resource.methods().isEmpty()) {
            ObjectNode methods = json.putObject("resourceMethods");
            resource.methods().forEach((name, method) -> methods.set(name, MethodJson.method(method)));
        }
        return json;
    }
}
