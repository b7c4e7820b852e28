package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.function.BiFunction;

/**
 * CreateDeployment, GetDeployment, GetDeployments and DeleteDeployment. A deployment is a record (id, date,
 * description); stages serve the API's current routes, not the deployment's snapshot.
 */
final class HttpDeploymentActions {

    private final HttpControlPlane plane;

    HttpDeploymentActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateDeployment", this::createDeployment);
        operations.put(HttpApiRoutes.PREFIX + "GetDeployment", this::getDeployment);
        operations.put(HttpApiRoutes.PREFIX + "GetDeployments", (call, input) -> HttpControlPlane.items(
                plane.api(call, input).httpDefinition(), HttpApiDefinition::deployments));
        operations.put(HttpApiRoutes.PREFIX + "DeleteDeployment", this::deleteDeployment);
    }

    private JsonNode createDeployment(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            if (definition.routes().isEmpty()) {
                throw ControlPlane.badRequest("Unable to deploy API because no routes exist in this API");
            }
            String stageName = input.node().path("stageName").asText(null);
            ObjectNode stage = stageName == null ? null
                    : HttpControlPlane.part(definition.stages(), stageName, "stage");
            ObjectNode deployment = plane.deploy(definition, stage, input.node().path("description").asText(null),
                    false);
            plane.publish(api, definition, call.region());
            return deployment.deepCopy();
        }
    }

    private JsonNode getDeployment(DecodedCall call, Input input) {
        HttpApiDefinition definition = plane.api(call, input).httpDefinition();
        synchronized (definition) {
            return HttpControlPlane.part(definition.deployments(), input.node().path("deploymentId").asText(),
                    "Deployment").deepCopy();
        }
    }

    private JsonNode deleteDeployment(DecodedCall call, Input input) {
        HttpApiDefinition definition = plane.api(call, input).httpDefinition();
        synchronized (definition) {
            String id = input.node().path("deploymentId").asText();
            HttpControlPlane.part(definition.deployments(), id, "Deployment");
            for (ObjectNode stage : definition.stages().values()) {
                if (stage.path("deploymentId").asText("").equals(id)) {
                    throw ControlPlane.badRequest("Active stages pointing to this deployment must be moved or deleted");
                }
            }
            definition.deployments().remove(id);
        }
        return HttpControlPlane.NODES.objectNode();
    }
}
