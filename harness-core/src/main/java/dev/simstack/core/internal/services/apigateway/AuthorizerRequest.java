package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request as a Lambda authorizer sees it: its identity sources' values, the method ARN its policy is
 * checked against, and the REQUEST authorizer's event (the proxy event's request, without the body).
 *
 * @param request the request
 * @param route the route it matched
 * @param pathParameters its path parameters
 * @param stage the stage it addressed
 * @param region the API's region
 * @param resourceId the id of the method's resource
 */
record AuthorizerRequest(ApiRequest request, ApiRoute route, Map<String, String> pathParameters, RestApi.Stage stage,
        String region, String resourceId) {

    String requestId() {
        return request.requestId();
    }

    String stageName() {
        return stage.name();
    }

    /**
     * The values of the authorizer's identity sources, in order, or null when one is missing or empty (API
     * Gateway answers 401 without calling the function).
     */
    List<String> identity(Authorizer authorizer) {
        List<String> values = new ArrayList<>();
        for (String source : authorizer.identitySources()) {
            String value = value(source);
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        if (authorizer.type().equals("TOKEN") && values.isEmpty()) {
            return null;
        }
        return values;
    }

    private String value(String source) {
        int dot = source.lastIndexOf('.');
        String name = source.substring(dot + 1);
        if (source.startsWith("method.request.header.")) {
            return request.header(name);
        }
        if (source.startsWith("method.request.querystring.")) {
            List<String> values = request.query().get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        if (source.startsWith("method.request.path.")) {
            return pathParameters.get(name);
        }
        if (source.startsWith("stageVariables.")) {
            return stage.variables().get(name);
        }
        return switch (source) {
            case "context.requestId" -> request.requestId();
            case "context.stage" -> stage.name();
            case "context.httpMethod" -> request.method();
            case "context.resourcePath", "context.resourceId" -> source.endsWith("Id") ? resourceId : route.path();
            default -> null;
        };
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH}, PATH the request's own. */
    String methodArn(String accountId) {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + request.apiId() + "/" + stage.name() + "/"
                + request.method() + request.path();
    }

    /** The REQUEST authorizer's event: {@code type}, {@code methodArn}, then the request as a proxy event has it. */
    ObjectNode requestEvent(String methodArn, String accountId) {
        ObjectNode request = ProxyEvents.v1Event(this.request, route, pathParameters, accountId, region, resourceId);
        request.remove("body");
        request.remove("isBase64Encoded");
        if (!stage.variables().isEmpty()) {
            stage.variables().forEach(request.putObject("stageVariables")::put);
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn);
        event.setAll(request);
        return event;
    }
}
