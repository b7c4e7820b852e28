package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request to an HTTP API as its route's authorizer sees it: the values of the authorizer's identity sources
 * ({@code $request.header.NAME}, {@code $request.querystring.NAME}, {@code $context.NAME},
 * {@code $stageVariables.NAME}), the route ARN a Lambda authorizer's policy is checked against, and the events.
 *
 * @param request the request
 * @param route the route it matched
 * @param pathParameters its path parameters
 * @param stage the stage it addressed
 * @param region the API's region
 * @param accountId the API's account
 */
record HttpAuthorizerRequest(ApiRequest request, ApiRoute route, Map<String, String> pathParameters,
        RestApi.Stage stage, String region, String accountId) {

    /** The identity sources an authorizer's JSON names, in order. */
    static List<String> sources(JsonNode authorizer) {
        List<String> sources = new ArrayList<>();
        authorizer.path("identitySource").forEach(source -> sources.add(source.asText()));
        return sources;
    }

    /**
     * The values of {@code sources}, in order, or null when one is missing or empty: API Gateway answers 401
     * without calling the authorizer ("Identity sources" in the Lambda authorizer docs).
     */
    List<String> identity(List<String> sources) {
        List<String> values = new ArrayList<>();
        for (String source : sources) {
            String value = value(source);
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private String value(String source) {
        String name = source.substring(source.lastIndexOf('.') + 1);
        if (source.startsWith("$request.header.")) {
            return request.header(name);
        }
        if (source.startsWith("$request.querystring.")) {
            List<String> values = request.query().get(name);
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }
        if (source.startsWith("$stageVariables.")) {
            return stage.variables().get(name);
        }
        return switch (source) {
            case "$context.requestId" -> request.requestId();
            case "$context.stage" -> stage.name();
            case "$context.routeKey" -> route.routeKey();
            case "$context.httpMethod" -> request.method();
            case "$context.path" -> request.path();
            case "$context.apiId" -> request.apiId();
            default -> null;
        };
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH}, PATH the request's own. */
    String routeArn() {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + request.apiId() + "/" + stage.name() + "/"
                + request.method() + request.path();
    }

    /** The REQUEST authorizer's event in payload format 2.0: the integration's 2.0 event without its body. */
    ObjectNode event2(List<String> identity) {
        ObjectNode event = HttpControlPlane.NODES.objectNode();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn());
        identity.forEach(event.putArray("identitySource")::add);
        ObjectNode request = ProxyEvents.v2Event(this.request, route, pathParameters, accountId, region);
        request.remove(List.of("version", "body", "isBase64Encoded"));
        event.setAll(request);
        stageVariables(event);
        return event;
    }

    /** The REQUEST authorizer's event in payload format 1.0: the REST API's REQUEST event with the identity. */
    ObjectNode event1(List<String> identity) {
        ObjectNode event = HttpControlPlane.NODES.objectNode();
        event.put("version", "1.0");
        event.put("type", "REQUEST");
        event.put("methodArn", routeArn());
        event.put("identitySource", String.join(",", identity));
        event.put("authorizationToken", String.join(",", identity));
        ObjectNode request = ProxyEvents.v1Event(this.request, route, pathParameters, accountId, region,
                Integer.toHexString(route.routeKey().hashCode()));
        request.remove(List.of("body", "isBase64Encoded"));
        event.setAll(request);
        stageVariables(event);
        return event;
    }

    private void stageVariables(ObjectNode event) {
        if (!stage.variables().isEmpty()) {
            stage.variables().forEach(event.putObject("stageVariables")::put);
        }
    }
}
