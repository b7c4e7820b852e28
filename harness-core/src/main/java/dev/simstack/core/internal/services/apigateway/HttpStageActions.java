package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * CreateStage, GetStage, GetStages, UpdateStage and DeleteStage. {@code DefaultRouteSettings}' throttling is
 * the stage's token bucket and each of {@code RouteSettings}' a route's, on the stack's clock; a stage with
 * {@code AutoDeploy} gets a deployment at every change of routes or integrations.
 */
final class HttpStageActions {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}|\\$default");
    private static final Set<String> MEMBERS = Set.of("description", "deploymentId", "autoDeploy",
            "defaultRouteSettings", "accessLogSettings", "clientCertificateId", "tags");
    /** Maps merged key by key by UpdateStage. */
    private static final Set<String> MAPS = Set.of("routeSettings", "stageVariables");

    private final HttpControlPlane plane;

    HttpStageActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateStage", this::createStage);
        operations.put(HttpApiRoutes.PREFIX + "GetStage", (call, input) -> read(call, input, false));
        operations.put(HttpApiRoutes.PREFIX + "GetStages", (call, input) -> HttpControlPlane.items(
                plane.api(call, input).httpDefinition(), HttpApiDefinition::stages));
        operations.put(HttpApiRoutes.PREFIX + "UpdateStage", (call, input) -> read(call, input, true));
        operations.put(HttpApiRoutes.PREFIX + "DeleteStage", this::deleteStage);
    }

    /** A new stage's members before the request's. */
    static ObjectNode stageJson(String name, String createdDate, boolean autoDeploy) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("stageName", name);
        json.put("autoDeploy", autoDeploy);
        json.put("createdDate", createdDate);
        json.put("lastUpdatedDate", createdDate);
        json.putObject("defaultRouteSettings").put("detailedMetricsEnabled", false);
        json.putObject("routeSettings");
        json.putObject("stageVariables");
        json.putObject("tags");
        return json;
    }

    private JsonNode createStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        JsonNode in = input.node();
        String name = in.path("stageName").asText("");
        if (!NAME.matcher(name).matches()) {
            throw ControlPlane.badRequest("Stage name only allows a-zA-Z0-9_- or $default: " + name);
        }
        synchronized (definition) {
            if (definition.stages().containsKey(name)) {
                throw ControlPlane.conflict("Stage " + name + " already exists");
            }
            ObjectNode stage = HttpControlPlane.merge(stageJson(name, plane.now(), false), in, MEMBERS);
            MAPS.forEach(map -> stage.set(map, in.path(map).isObject() ? in.path(map).deepCopy()
                    : HttpControlPlane.NODES.objectNode()));
            check(definition, stage);
            definition.stages().put(name, stage);
            if (stage.path("autoDeploy").asBoolean()) {
                plane.deploy(definition, stage, null, true);
            }
            plane.publish(api, definition, call.region());
            return stage.deepCopy();
        }
    }

    private JsonNode read(DecodedCall call, Input input, boolean update) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String name = input.node().path("stageName").asText();
            ObjectNode stage = HttpControlPlane.part(definition.stages(), name, "stage");
            if (!update) {
                return stage.deepCopy();
            }
            ObjectNode next = HttpControlPlane.merge(stage, input.node(), MEMBERS);
            for (String map : MAPS) {
                if (input.node().path(map).isObject()) {
                    ((ObjectNode) next.with(map)).setAll((ObjectNode) input.node().path(map).deepCopy());
                }
            }
            next.put("lastUpdatedDate", plane.now());
            check(definition, next);
            definition.stages().put(name, next);
            if (next.path("autoDeploy").asBoolean() && !stage.path("autoDeploy").asBoolean()) {
                plane.deploy(definition, next, null, true);
            }
            plane.publish(api, definition, call.region());
            return next.deepCopy();
        }
    }

    private JsonNode deleteStage(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String name = input.node().path("stageName").asText();
            HttpControlPlane.part(definition.stages(), name, "stage");
            definition.stages().remove(name);
            plane.publish(api, definition, call.region());
        }
        return HttpControlPlane.NODES.objectNode();
    }

    /** The stage's deployment exists, its route settings name routes of the API, its limits are not negative. */
    private static void check(HttpApiDefinition definition, ObjectNode stage) {
        String deployment = stage.path("deploymentId").asText(null);
        if (deployment != null && !definition.deployments().containsKey(deployment)) {
            throw HttpControlPlane.notFound("Deployment");
        }
        limits(stage.path("defaultRouteSettings"));
        stage.path("routeSettings").fields().forEachRemaining(setting -> {
            boolean routed = definition.routes().values().stream()
                    .anyMatch(route -> route.path("routeKey").asText().equals(setting.getKey()));
            if (!routed) {
                throw ControlPlane.badRequest("Unable to find Route by key " + setting.getKey()
                        + " within the provided RouteSettings");
            }
            limits(setting.getValue());
        });
    }

    private static void limits(JsonNode settings) {
        if (settings.path("throttlingRateLimit").asDouble(0) < 0 || settings.path("throttlingBurstLimit").asInt(0) < 0) {
            throw ControlPlane.badRequest("Invalid throttling settings: throttlingRateLimit and throttlingBurstLimit"
                    + " must not be negative");
        }
    }
}
