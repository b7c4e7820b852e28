package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * CreateApi (with AWS's quick create: {@code target} and {@code routeKey} make the integration, the route and
 * an automatically deployed {@code $default} stage), GetApi, GetApis, UpdateApi and DeleteApi, for HTTP APIs.
 */
final class HttpApiActions {

    static final String ROUTE_SELECTION = "$request.method $request.path";
    private static final Set<String> UPDATABLE = Set.of("name", "description", "version", "corsConfiguration",
            "disableExecuteApiEndpoint", "disableSchemaValidation", "routeSelectionExpression",
            "apiKeySelectionExpression");

    private final HttpControlPlane plane;

    HttpApiActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateApi", this::createApi);
        operations.put(HttpApiRoutes.PREFIX + "GetApi", this::getApi);
        operations.put(HttpApiRoutes.PREFIX + "GetApis", this::getApis);
        operations.put(HttpApiRoutes.PREFIX + "UpdateApi", this::updateApi);
        operations.put(HttpApiRoutes.PREFIX + "DeleteApi", this::deleteApi);
    }

    /** An HTTP API's members as CreateApi answers them. */
    static ObjectNode apiJson(String id, String name, String createdDate, String region) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("apiId", id);
        json.put("name", name);
        json.put("protocolType", "HTTP");
        json.put("apiEndpoint", "https://" + id + ".execute-api." + region + ".amazonaws.com");
        json.put("apiKeySelectionExpression", "$request.header.x-api-key");
        json.put("routeSelectionExpression", ROUTE_SELECTION);
        json.put("createdDate", createdDate);
        json.put("disableExecuteApiEndpoint", false);
        json.put("ipAddressType", "ipv4");
        json.putObject("tags");
        return json;
    }

    private JsonNode createApi(DecodedCall call, Input input) {
        JsonNode in = input.node();
        String name = in.path("name").asText("");
        if (name.isEmpty()) {
            throw ControlPlane.badRequest("Invalid API name specified: name must be between 1 and 128 characters");
        }
        protocolType(in.path("protocolType").asText(""));
        RestApi api = new RestApi(plane.newId(), name, true, plane.regions().context().clock().millis(),
                plane.newId());
        ObjectNode json = HttpControlPlane.merge(apiJson(api.id(), name, plane.now(), call.region()), in,
                Set.of("description", "version", "corsConfiguration", "disableExecuteApiEndpoint",
                        "disableSchemaValidation", "routeSelectionExpression", "apiKeySelectionExpression",
                        "tags"));
        checkRouteSelection(json);
        api.describe(name, json.path("description").asText(null));
        HttpApiDefinition definition = new HttpApiDefinition(json);
        api.httpDefinition(definition);
        synchronized (definition) {
            if (in.hasNonNull("target")) {
                quickCreate(definition, in.path("target").asText(), in.path("routeKey").asText("$default"),
                        call.region());
            }
            plane.changed(api, definition, call.region());
        }
        plane.regions().add(plane.regions().region(call.region()), api);
        return json.deepCopy();
    }

    /** Quick create: the target's integration, the route to it, and a {@code $default} stage that auto-deploys. */
    private void quickCreate(HttpApiDefinition definition, String target, String routeKey, String region) {
        HttpRouteKeys.check(routeKey);
        ObjectNode integrationInput = HttpControlPlane.NODES.objectNode();
        integrationInput.put("integrationType", target.startsWith("arn:") ? "AWS_PROXY" : "HTTP_PROXY");
        integrationInput.put("integrationUri", target);
        integrationInput.put("payloadFormatVersion", "2.0");
        ObjectNode integration = HttpIntegrationActions.integrationJson(plane.newId(), integrationInput, region);
        integration.put("apiGatewayManaged", true);
        definition.integrations().put(integration.path("integrationId").asText(), integration);
        ObjectNode route = HttpRouteActions.routeJson(plane.newId(), routeKey);
        route.put("target", "integrations/" + integration.path("integrationId").asText());
        route.put("apiGatewayManaged", true);
        definition.routes().put(route.path("routeId").asText(), route);
        ObjectNode stage = HttpStageActions.stageJson("$default", plane.now(), true);
        stage.put("apiGatewayManaged", true);
        definition.stages().put("$default", stage);
    }

    static void protocolType(String protocolType) {
        if (protocolType.equals("WEBSOCKET")) {
            throw ControlPlane.badRequest("SimStack serves HTTP APIs only: protocolType WEBSOCKET is not supported;"
                    + " create the API with protocolType HTTP");
        }
        if (!protocolType.equals("HTTP")) {
            throw ControlPlane.badRequest("Invalid protocol type specified: '" + protocolType
                    + "'; it must be HTTP or WEBSOCKET");
        }
    }

    private static void checkRouteSelection(ObjectNode json) {
        String expression = json.path("routeSelectionExpression").asText();
        if (!expression.equals(ROUTE_SELECTION) && !expression.equals("${request.method} ${request.path}")) {
            throw ControlPlane.badRequest("Only " + ROUTE_SELECTION + " is supported for HTTP APIs");
        }
    }

    private JsonNode getApi(DecodedCall call, Input input) {
        HttpApiDefinition definition = plane.api(call, input).httpDefinition();
        synchronized (definition) {
            return definition.api().deepCopy();
        }
    }

    private JsonNode getApis(DecodedCall call, Input input) {
        ObjectNode output = HttpControlPlane.NODES.objectNode();
        ArrayNode items = output.putArray("items");
        for (RestApi api : plane.regions().region(call.region()).apis().values()) {
            if (api.http()) {
                HttpApiDefinition definition = plane.definition(api, call.region());
                synchronized (definition) {
                    items.add(definition.api().deepCopy());
                }
            }
        }
        return output;
    }

    private JsonNode updateApi(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            ObjectNode next = HttpControlPlane.merge(definition.api(), input.node(), UPDATABLE);
            if (next.path("name").asText("").isEmpty()) {
                throw ControlPlane.badRequest("Invalid API name specified: name must be between 1 and 128 characters");
            }
            checkRouteSelection(next);
            definition.replaceApi(next);
            api.describe(next.path("name").asText(), next.path("description").asText(null));
            return next.deepCopy();
        }
    }

    private JsonNode deleteApi(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        plane.regions().remove(plane.regions().region(call.region()), api);
        return HttpControlPlane.NODES.objectNode();
    }
}
