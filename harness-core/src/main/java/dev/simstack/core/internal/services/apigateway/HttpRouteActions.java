package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * CreateRoute, GetRoute, GetRoutes, UpdateRoute and DeleteRoute. A route reaches its integration through
 * its {@code target} ({@code integrations/ID}); a route without one answers 404 Not Found. A route's
 * {@code authorizationType} JWT or CUSTOM names an authorizer of the API of that kind, which requests must pass;
 * AWS_IAM (SigV4 callers checked against IAM policies) is refused, as SimStack does not enforce IAM.
 */
final class HttpRouteActions {

    private static final Set<String> MEMBERS = Set.of("routeKey", "target", "authorizationType", "authorizerId",
            "authorizationScopes", "operationName", "requestParameters", "requestModels", "apiKeyRequired",
            "modelSelectionExpression", "routeResponseSelectionExpression");
    private static final Set<String> AUTHORIZATION_TYPES = Set.of("NONE", "AWS_IAM", "CUSTOM", "JWT");

    private final HttpControlPlane plane;

    HttpRouteActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateRoute", this::createRoute);
        operations.put(HttpApiRoutes.PREFIX + "GetRoute", (call, input) -> read(call, input, false));
        operations.put(HttpApiRoutes.PREFIX + "GetRoutes", (call, input) -> HttpControlPlane.items(
                plane.api(call, input).httpDefinition(), HttpApiDefinition::routes));
        operations.put(HttpApiRoutes.PREFIX + "UpdateRoute", (call, input) -> read(call, input, true));
        operations.put(HttpApiRoutes.PREFIX + "DeleteRoute", this::deleteRoute);
    }

    /** A new route's members before the request's. */
    static ObjectNode routeJson(String id, String routeKey) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("routeId", id);
        json.put("routeKey", routeKey);
        json.put("apiKeyRequired", false);
        json.put("authorizationType", "NONE");
        return json;
    }

    private JsonNode createRoute(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            ObjectNode route = HttpControlPlane.merge(routeJson(plane.newId(),
                    input.node().path("routeKey").asText("")), input.node(), MEMBERS);
            check(definition, route);
            definition.routes().put(route.path("routeId").asText(), route);
            plane.changed(api, definition, call.region());
            return route.deepCopy();
        }
    }

    private JsonNode read(DecodedCall call, Input input, boolean update) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("routeId").asText();
            ObjectNode route = HttpControlPlane.part(definition.routes(), id, "Route");
            if (!update) {
                return route.deepCopy();
            }
            ObjectNode next = HttpControlPlane.merge(route, input.node(), MEMBERS);
            if (next.path("authorizationType").asText().equals("NONE")) {
                if (input.node().hasNonNull("authorizerId")) {
                    // AWS ignores nothing here: an authorizer is attached together with its type
                    throw ControlPlane.badRequest("Unable to update route. Authorizer type is invalid or null.");
                }
                next.remove("authorizerId"); // setting NONE detaches the authorizer, as on AWS
                next.remove("authorizationScopes");
            }
            check(definition, next);
            definition.routes().put(id, next);
            plane.changed(api, definition, call.region());
            return next.deepCopy();
        }
    }

    private JsonNode deleteRoute(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("routeId").asText();
            HttpControlPlane.part(definition.routes(), id, "Route");
            definition.routes().remove(id);
            plane.changed(api, definition, call.region());
        }
        return HttpControlPlane.NODES.objectNode();
    }

    /** The route key's form, its uniqueness in the API, the target's integration and the authorization type. */
    private static void check(HttpApiDefinition definition, ObjectNode route) {
        String key = route.path("routeKey").asText();
        HttpRouteKeys.check(key);
        String id = route.path("routeId").asText();
        for (ObjectNode other : definition.routes().values()) {
            if (!other.path("routeId").asText().equals(id) && other.path("routeKey").asText().equals(key)) {
                throw ControlPlane.conflict("Route with key " + key + " already exists for this API");
            }
        }
        String target = route.path("target").asText(null);
        if (target != null && (!target.startsWith("integrations/")
                || !definition.integrations().containsKey(target.substring("integrations/".length())))) {
            throw ControlPlane.badRequest("Invalid target specified: " + target + "; a route's target is"
                    + " integrations/ and the id of one of the API's integrations");
        }
        String authorization = route.path("authorizationType").asText();
        if (!AUTHORIZATION_TYPES.contains(authorization)) {
            throw ControlPlane.badRequest("Invalid authorization type specified: " + authorization
                    + "; it must be one of " + new java.util.TreeSet<>(AUTHORIZATION_TYPES));
        }
        checkAuthorizer(definition, route, authorization);
    }

    /** CUSTOM needs a REQUEST authorizer of the API, JWT a JWT one; AWS_IAM is not enforced, so it is refused. */
    private static void checkAuthorizer(HttpApiDefinition definition, ObjectNode route, String authorization) {
        if (authorization.equals("AWS_IAM")) {
            throw ControlPlane.badRequest("Authorization type AWS_IAM is not supported by SimStack: it stores IAM"
                    + " policies but does not enforce them; use NONE, JWT or CUSTOM (a Lambda authorizer)");
        }
        if (authorization.equals("NONE")) {
            if (route.hasNonNull("authorizerId")) {
                throw ControlPlane.badRequest("Unable to create route. Authorizer type is invalid or null.");
            }
            return;
        }
        ObjectNode authorizer = definition.authorizers().get(route.path("authorizerId").asText(""));
        String expected = authorization.equals("JWT") ? "JWT" : "REQUEST";
        if (authorizer == null || !authorizer.path("authorizerType").asText().equals(expected)) {
            throw ControlPlane.badRequest("Invalid authorizer ID specified. Setting the authorization type to "
                    + (authorization.equals("JWT") ? "JWT" : "CUSTOM or COGNITO_USER_POOLS")
                    + " requires a valid authorizer.");
        }
    }
}
