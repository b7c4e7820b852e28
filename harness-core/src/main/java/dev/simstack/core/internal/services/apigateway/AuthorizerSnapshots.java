package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API's authorizers and customised gateway responses in a data directory's snapshot, in the shapes the
 * control plane answers (the authorizers' cache is not kept: it starts empty, as after a redeployment).
 */
final class AuthorizerSnapshots {

    private AuthorizerSnapshots() {
    }

    static void export(RestApi api, ObjectNode json) {
        ArrayNode authorizers = json.putArray("authorizers");
        api.authorizers().values().forEach(authorizer -> authorizers.add(authorizer.json()));
        ArrayNode responses = json.putArray("gatewayResponses");
        for (RestApi.GatewayResponse response : api.gatewayResponses().values()) {
            ObjectNode entry = responses.addObject().put("responseType", response.type().name())
                    .put("statusCode", response.statusCode());
            response.responseParameters().forEach(entry.putObject("responseParameters")::put);
            response.responseTemplates().forEach(entry.putObject("responseTemplates")::put);
        }
    }

    static void restore(JsonNode json, RestApi api) {
        for (JsonNode authorizer : json.path("authorizers")) {
            api.authorizers().put(authorizer.path("id").asText(),
                    Authorizer.from(authorizer.path("id").asText(), authorizer));
        }
        for (JsonNode response : json.path("gatewayResponses")) {
            GatewayResponseType type = GatewayResponseType.valueOf(response.path("responseType").asText());
            JsonNode status = response.path("statusCode");
            api.gatewayResponses().put(type, new RestApi.GatewayResponse(type, status.isTextual() ? status.asText()
                    : null, strings(response.path("responseParameters")), strings(response.path("responseTemplates"))));
        }
    }

    private static Map<String, String> strings(JsonNode json) {
        Map<String, String> map = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
