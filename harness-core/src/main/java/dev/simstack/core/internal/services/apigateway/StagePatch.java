package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.HashMap;
import java.util.Map;

/**
 * UpdateStage's patch operations: {@code /*}{@code /*}{@code /throttling/rateLimit|burstLimit} (the
 * stage-wide throttle), {@code /variables/NAME}, {@code /description} and {@code /deploymentId}.
 */
final class StagePatch {

    private final ControlPlane plane;

    StagePatch(ControlPlane plane) {
        this.plane = plane;
    }

    JsonNode updateStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.Stage stage = DeploymentActions.stage(api, input);
        double rate = stage.throttle() == null ? ApiRegion.ACCOUNT_RATE : stage.throttle().rate();
        int burst = stage.throttle() == null ? ApiRegion.ACCOUNT_BURST : stage.throttle().burst();
        boolean throttled = stage.throttle() != null;
        String description = stage.description();
        String deploymentId = stage.deploymentId();
        Map<String, String> variables = new HashMap<>(stage.variables());
        for (JsonNode op : input.node().path("patchOperations")) {
            String path = op.path("path").asText();
            String value = op.path("value").asText();
            boolean remove = op.path("op").asText().equals("remove");
            try {
                if (path.equals("/*/*/throttling/rateLimit")) {
                    rate = Double.parseDouble(value);
                    throttled = true;
                } else if (path.equals("/*/*/throttling/burstLimit")) {
                    burst = Integer.parseInt(value);
                    throttled = true;
                } else if (path.startsWith("/variables/")) {
                    String name = path.substring("/variables/".length());
                    if (remove) {
                        variables.remove(name);
                    } else {
                        variables.put(name, value);
                    }
                } else if (path.equals("/description")) {
                    description = remove ? null : value;
                } else if (path.equals("/deploymentId")) {
                    if (!api.deployments().containsKey(value)) {
                        throw ControlPlane.notFound("Invalid Deployment identifier specified");
                    }
                    deploymentId = value;
                } else {
                    throw ControlPlane.badRequest("SimStack's UpdateStage takes /*/*/throttling/rateLimit and "
                            + "burstLimit, /variables/NAME, /description and /deploymentId; got " + path);
                }
            } catch (NumberFormatException e) {
                throw ControlPlane.badRequest("Invalid value for " + path + ": " + value);
            }
        }
        RestApi.Stage updated = new RestApi.Stage(stage.name(), deploymentId,
                throttled ? new TokenBucket(rate, burst, plane.regions().context().clock()) : null,
                stage.createdAt(), description, variables);
        api.putStage(updated);
        return DeploymentActions.stageJson(updated);
    }
}
