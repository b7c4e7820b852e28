package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API resources CDK and hand-written templates declare ({@code AWS::ApiGatewayV2::Api}, {@code Integration},
 * {@code Route}, {@code Stage}, {@code Deployment}), made through the apigatewayv2 control plane's own calls: a
 * property is the call's member of the same name in lower camel case ({@code IntegrationUri} is
 * {@code integrationUri}), as CloudFormation's resource handler passes them on.
 */
final class HttpApiResources {

    static final Set<String> TYPES = Set.of("AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Integration",
            "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Deployment");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Properties whose members are named alike on the wire (lower camel case) rather than kept as given. */
    private static final Set<String> NESTED = Set.of("CorsConfiguration", "DefaultRouteSettings", "RouteSettings");

    /** What a made resource answers to Ref and Fn::GetAtt. */
    record Made(String physicalId, Map<String, String> attributes) {
    }

    private final LocalCalls calls;

    HttpApiResources(LocalCalls calls) {
        this.calls = calls;
    }

    /** Makes the resource; {@code properties} are resolved. */
    Made create(String type, String region, JsonNode properties) {
        String apiId = properties.path("ApiId").asText();
        String api = "/v2/apis/" + apiId;
        return switch (type) {
            case "AWS::ApiGatewayV2::Api" -> {
                ObjectNode input = wire(properties);
                input.put("protocolType", properties.path("ProtocolType").asText("HTTP"));
                JsonNode out = calls.restJson("apigateway", "POST", "/v2/apis", region, input, "CreateApi");
                String id = out.path("apiId").asText();
                yield new Made(id, Map.of("ApiId", id, "ApiEndpoint", out.path("apiEndpoint").asText()));
            }
            case "AWS::ApiGatewayV2::Integration" -> {
                JsonNode out = calls.restJson("apigateway", "POST", api + "/integrations", region, wire(properties),
                        "CreateIntegration");
                String id = out.path("integrationId").asText();
                yield new Made(id, Map.of("IntegrationId", id));
            }
            case "AWS::ApiGatewayV2::Route" -> {
                JsonNode out = calls.restJson("apigateway", "POST", api + "/routes", region, wire(properties),
                        "CreateRoute");
                String id = out.path("routeId").asText();
                yield new Made(id, Map.of("RouteId", id));
            }
            case "AWS::ApiGatewayV2::Stage" -> {
                calls.restJson("apigateway", "POST", api + "/stages", region, wire(properties), "CreateStage");
                yield new Made(properties.path("StageName").asText(), Map.of());
            }
            case "AWS::ApiGatewayV2::Deployment" -> {
                JsonNode out = calls.restJson("apigateway", "POST", api + "/deployments", region, wire(properties),
                        "CreateDeployment");
                String id = out.path("deploymentId").asText();
                yield new Made(id, Map.of("DeploymentId", id));
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    /**
     * What a held resource answers, without a call: its id is all a stack keeps (an update keeps it in place).
     */
    static Made held(String type, String region, String physicalId) {
        return switch (type) {
            case "AWS::ApiGatewayV2::Api" -> new Made(physicalId, Map.of("ApiId", physicalId, "ApiEndpoint",
                    "https://" + physicalId + ".execute-api." + region + ".amazonaws.com"));
            case "AWS::ApiGatewayV2::Integration" -> new Made(physicalId, Map.of("IntegrationId", physicalId));
            case "AWS::ApiGatewayV2::Route" -> new Made(physicalId, Map.of("RouteId", physicalId));
            case "AWS::ApiGatewayV2::Deployment" -> new Made(physicalId, Map.of("DeploymentId", physicalId));
            default -> new Made(physicalId, Map.of());
        };
    }

    /**
     * Deletes an API, or a route or integration of whichever API holds it (their physical ids do not name the API).
     * A stage or deployment goes with its API.
     */
    void delete(String type, String region, String physicalId) {
        switch (type) {
            case "AWS::ApiGatewayV2::Api" -> calls.restJson("apigateway", "DELETE", "/v2/apis/" + physicalId, region,
                    null, "DeleteApi");
            case "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration" -> {
                String kind = type.endsWith("Route") ? "routes" : "integrations";
                String idMember = type.endsWith("Route") ? "routeId" : "integrationId";
                for (JsonNode api : calls.restJson("apigateway", "GET", "/v2/apis", region, null, "GetApis")
                        .path("items")) {
                    String path = "/v2/apis/" + api.path("apiId").asText() + "/" + kind;
                    for (JsonNode item : calls.restJson("apigateway", "GET", path, region, null, "Get").path("items")) {
                        if (item.path(idMember).asText().equals(physicalId)) {
                            calls.restJson("apigateway", "DELETE", path + "/" + physicalId, region, null, "Delete");
                            return;
                        }
                    }
                }
            }
            default -> {
                // Stages and deployments are deleted with their API.
            }
        }
    }

    /** The properties as the control plane's members: lower camel case, {@code ApiId} (in the path) left out. */
    private static ObjectNode wire(JsonNode properties) {
        ObjectNode input = NODES.objectNode();
        properties.fields().forEachRemaining(property -> {
            if (!property.getKey().equals("ApiId")) {
                JsonNode value = property.getValue();
                input.set(camel(property.getKey()), NESTED.contains(property.getKey()) ? camelMembers(value) : value);
            }
        });
        return input;
    }

    private static JsonNode camelMembers(JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode converted = NODES.objectNode();
        value.fields().forEachRemaining(member -> converted.set(
                Character.isUpperCase(member.getKey().charAt(0)) && !member.getKey().contains(" ")
                        ? camel(member.getKey()) : member.getKey(), camelMembers(member.getValue())));
        return converted;
    }

    private static String camel(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
