package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * UpdateStage's patch operations: method settings ({@code /{resourcePath}/{httpMethod}/{setting}}, read by
 * {@link MethodSettingPaths}; {@code /*}{@code /*}{@code /throttling/...} is the stage-wide throttle),
 * {@code /variables/NAME}, {@code /description} and {@code /deploymentId}. The operations apply in order to a copy;
 * the stage changes only when all of them are valid.
 */
final class StagePatch {

    /** Paths AWS takes that SimStack does not serve (no cache cluster, access logs, certificates or tracing). */
    private static final Set<String> UNSERVED = Set.of("/cacheClusterEnabled", "/cacheClusterSize",
            "/clientCertificateId", "/accessLogSettings", "/accessLogSettings/destinationArn",
            "/accessLogSettings/format", "/tracingEnabled");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ControlPlane plane;

    StagePatch(ControlPlane plane) {
        this.plane = plane;
    }

    JsonNode updateStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.Stage stage = DeploymentActions.stage(api, input);
        SimClock clock = plane.regions().context().clock();
        String description = stage.description();
        String deploymentId = stage.deploymentId();
        Map<String, String> variables = new HashMap<>(stage.variables());
        MethodSettings settings = withStageThrottle(stage);
        for (JsonNode op : input.node().path("patchOperations")) {
            String path = op.path("path").asText();
            String value = op.path("value").asText(); // "" when missing: refused where a value is needed
            boolean remove = op.path("op").asText().equals("remove");
            MethodSettingPaths.Setting setting = MethodSettingPaths.parse(path);
            if (setting != null) {
                settings = methodSetting(settings, setting, path, value, remove);
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
            } else if (UNSERVED.contains(path)) {
                throw ControlPlane.badRequest("SimStack's UpdateStage takes method settings (/{resourcePath}/"
                        + "{httpMethod}/{setting}), /variables/NAME, /description and /deploymentId; " + path
                        + " is not served");
            } else {
                throw ControlPlane.badRequest("Invalid method setting path: " + path + ". Must be one of: "
                        + MethodSettingPaths.VALID_PATHS);
            }
        }
        TokenBucket throttle = settings.stageThrottle(stage.throttle(), clock);
        RestApi.Stage updated = new RestApi.Stage(stage.name(), deploymentId, throttle, stage.createdAt(), description,
                variables, settings.throttled(throttle, clock));
        api.putStage(updated);
        return DeploymentActions.stageJson(updated);
    }

    /** The stage's settings with its throttle as the {@code *}{@code /*} entry's limits, as AWS keeps it. */
    private static MethodSettings withStageThrottle(RestApi.Stage stage) {
        MethodSettings settings = stage.methodSettings();
        if (stage.throttle() == null) {
            return settings;
        }
        return settings.with(MethodSettings.ALL, "throttlingRateLimit", NODES.numberNode(stage.throttle().rate()))
                .with(MethodSettings.ALL, "throttlingBurstLimit", NODES.numberNode(stage.throttle().burst()));
    }

    private static MethodSettings methodSetting(MethodSettings settings, MethodSettingPaths.Setting setting,
            String path, String value, boolean remove) {
        if (setting.field() == null) {
            MethodSettings without = remove ? settings.without(setting.key()) : null;
            if (without == null) {
                throw remove ? ControlPlane.badRequest("Cannot remove method setting " + setting.key()
                        + " because there is no method setting for this method ")
                        : ControlPlane.badRequest("Invalid method setting path: " + path + ". Must be one of: "
                                + MethodSettingPaths.VALID_PATHS);
            }
            return without;
        }
        if (remove) { // a field goes back to its default, as when the entry is new
            return settings.with(setting.key(), setting.field(), MethodSettings.defaultOf(setting.field()));
        }
        return settings.with(setting.key(), setting.field(), MethodSettingPaths.value(path, setting.field(), value));
    }
}
