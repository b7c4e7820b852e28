package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Deployments (Create/Get/GetDeployments/Delete) and stages (Create/Get/GetStages/Update/Delete). A stage
 * serves the API's current methods whatever deployment it names (AWS serves the deployment's snapshot).
 */
final class DeploymentActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ControlPlane plane;

    DeploymentActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateDeployment", this::createDeployment);
        operations.put("GetDeployment", (call, input) -> deploymentJson(deployment(plane.api(call, input), input)));
        operations.put("GetDeployments", this::getDeployments);
        operations.put("DeleteDeployment", this::deleteDeployment);
        operations.put("CreateStage", this::createStage);
        operations.put("GetStage", (call, input) -> stageJson(stage(plane.api(call, input), input)));
        operations.put("GetStages", this::getStages);
        operations.put("UpdateStage", new StagePatch(plane)::updateStage);
        operations.put("DeleteStage", this::deleteStage);
    }

    private JsonNode createDeployment(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        if (api.resources().all().stream().allMatch(r -> r.methods().isEmpty())) {
            throw ControlPlane.badRequest("The REST API doesn't contain any methods");
        }
        RestApi.Deployment deployment = new RestApi.Deployment(plane.regions().newId(), input.string("description"),
                plane.now());
        api.deployments().put(deployment.id(), deployment);
        String stageName = input.string("stageName");
        if (stageName != null) {
            RestApi.Stage existing = api.stage(stageName);
            Map<String, String> variables = new HashMap<>(existing == null ? Map.of() : existing.variables());
            variables.putAll(input.stringMap("variables"));
            api.putStage(new RestApi.Stage(stageName, deployment.id(), existing == null ? null : existing.throttle(),
                    existing == null ? plane.now() : existing.createdAt(),
                    existing == null ? input.string("stageDescription") : existing.description(), variables,
                    existing == null ? MethodSettings.none() : existing.methodSettings()));
        }
        return deploymentJson(deployment);
    }

    private JsonNode getDeployments(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).deployments().values().stream()
                .sorted(Comparator.comparingLong(RestApi.Deployment::createdAt).thenComparing(RestApi.Deployment::id))
                .forEach(d -> items.add(deploymentJson(d)));
        return output;
    }

    private JsonNode deleteDeployment(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.Deployment deployment = deployment(api, input);
        if (api.stages().values().stream().anyMatch(s -> deployment.id().equals(s.deploymentId()))) {
            throw ControlPlane.badRequest("Active stages pointing to this deployment must be moved or deleted");
        }
        api.deployments().remove(deployment.id());
        return NODES.objectNode();
    }

    private static RestApi.Deployment deployment(RestApi api, Input input) {
        RestApi.Deployment deployment = api.deployments().get(input.requiredString("deployment_id"));
        if (deployment == null) {
            throw ControlPlane.notFound("Invalid Deployment identifier specified");
        }
        return deployment;
    }

    private JsonNode createStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        String name = input.requiredString("stageName");
        if (!name.matches("[A-Za-z0-9_-]{1,128}")) {
            throw ControlPlane.badRequest("Stage name only allows a-zA-Z0-9_- : " + name);
        }
        if (api.stage(name) != null) {
            throw ControlPlane.conflict("Stage already exists");
        }
        String deploymentId = input.requiredString("deploymentId");
        if (!api.deployments().containsKey(deploymentId)) {
            throw ControlPlane.notFound("Invalid Deployment identifier specified");
        }
        RestApi.Stage stage = new RestApi.Stage(name, deploymentId, null, plane.now(), input.string("description"),
                input.stringMap("variables"));
        api.putStage(stage);
        return stageJson(stage);
    }

    private JsonNode getStages(DecodedCall call, Input input) {
        String deploymentId = input.string("deploymentId");
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).stages().values().stream()
                .filter(s -> deploymentId == null || deploymentId.equals(s.deploymentId()))
                .sorted(Comparator.comparing(RestApi.Stage::name)).forEach(s -> items.add(stageJson(s)));
        return output;
    }

    private JsonNode deleteStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        api.stages().remove(stage(api, input).name());
        return NODES.objectNode();
    }

    static RestApi.Stage stage(RestApi api, Input input) {
        RestApi.Stage stage = api.stage(input.requiredString("stage_name"));
        if (stage == null) {
            throw ControlPlane.notFound("Invalid Stage identifier specified");
        }
        return stage;
    }

    private static ObjectNode deploymentJson(RestApi.Deployment deployment) {
        ObjectNode json = NODES.objectNode();
        json.put("id", deployment.id());
        if (deployment.description() != null) {
            json.put("description", deployment.description());
        }
        json.put("createdDate", deployment.createdAt() / 1000);
        return json;
    }

    static ObjectNode stageJson(RestApi.Stage stage) {
        ObjectNode json = NODES.objectNode();
        json.put("deploymentId", stage.deploymentId());
        json.put("stageName", stage.name());
        if (stage.description() != null) {
            json.put("description", stage.description());
        }
        json.put("createdDate", stage.createdAt() / 1000);
        json.put("lastUpdatedDate", stage.createdAt() / 1000);
        json.set("methodSettings", stage.methodSettings().json(stage.throttle()));
        if (!stage.variables().isEmpty()) {
            ObjectNode variables = json.putObject("variables");
            new java.util.TreeMap<>(stage.variables()).forEach(variables::put);
        }
        return json;
    }
}
