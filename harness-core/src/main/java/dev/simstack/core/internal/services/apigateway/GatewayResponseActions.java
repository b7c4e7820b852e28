package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * PutGatewayResponse, GetGatewayResponse(s), UpdateGatewayResponse and DeleteGatewayResponse. Every type has a
 * default response ({@code defaultResponse: true}, the type's status, the {@code {"message":...}} template);
 * Put and Update customise one, Delete restores the default.
 */
final class GatewayResponseActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PATCHABLE = Set.of("statusCode", "responseParameters", "responseTemplates");

    private final ControlPlane plane;

    GatewayResponseActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("PutGatewayResponse", this::put);
        operations.put("GetGatewayResponse", (call, input) -> json(plane.api(call, input), type(input)));
        operations.put("GetGatewayResponses", this::list);
        operations.put("UpdateGatewayResponse", this::update);
        operations.put("DeleteGatewayResponse", this::delete);
    }

    private JsonNode put(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.GatewayResponse response = read(type(input), input.node());
        api.gatewayResponses().put(response.type(), response);
        return json(api, response.type());
    }

    private JsonNode list(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        for (String name : GatewayResponseType.names()) {
            items.add(json(api, GatewayResponseType.valueOf(name)));
        }
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        GatewayResponseType type = type(input);
        ObjectNode patched = PatchOperations.apply(json(api, type), input.node().path("patchOperations"), PATCHABLE);
        api.gatewayResponses().put(type, read(type, patched));
        return json(api, type);
    }

    private JsonNode delete(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        GatewayResponseType type = type(input);
        if (api.gatewayResponses().remove(type) == null) {
            throw ControlPlane.notFound("Gateway response type not defined on api: " + type
                    + " (only a customised response can be deleted)");
        }
        return NODES.objectNode();
    }

    private static GatewayResponseType type(Input input) {
        return GatewayResponseType.of(input.requiredString("response_type"));
    }

    private static RestApi.GatewayResponse read(GatewayResponseType type, JsonNode json) {
        JsonNode status = json.path("statusCode");
        String statusCode = status.isValueNode() && !status.isNull() && !status.asText().isEmpty() ? status.asText()
                : null;
        if (statusCode != null && !statusCode.matches("[1-5]\\d\\d")) {
            throw ControlPlane.badRequest("Invalid status code specified: " + statusCode
                    + " (a gateway response status is an HTTP status code, 100 to 599)");
        }
        return new RestApi.GatewayResponse(type, statusCode, strings(json.path("responseParameters")),
                strings(json.path("responseTemplates")));
    }

    /** The customised response of {@code type}, or its default. */
    private static ObjectNode json(RestApi api, GatewayResponseType type) {
        RestApi.GatewayResponse custom = api.gatewayResponses().get(type);
        ObjectNode json = NODES.objectNode();
        json.put("responseType", type.name());
        String status = custom != null ? custom.statusCode() : type.status() > 0 ? String.valueOf(type.status()) : null;
        if (status != null) {
            json.put("statusCode", status);
        }
        Map<String, String> templates = custom != null ? custom.responseTemplates()
                : Map.of("application/json", GatewayResponseType.DEFAULT_TEMPLATE);
        new TreeMap<>(custom != null ? custom.responseParameters() : Map.<String, String>of())
                .forEach(json.putObject("responseParameters")::put);
        new TreeMap<>(templates).forEach(json.putObject("responseTemplates")::put);
        json.put("defaultResponse", custom == null);
        return json;
    }

    private static Map<String, String> strings(JsonNode json) {
        Map<String, String> map = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return map;
    }
}
