package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API as the apigatewayv2 control plane defines it: the API's own members, its routes, integrations,
 * stages and deployments, each held in AWS's JSON shape (what Get answers and Update merges into), by id or
 * stage name in creation order. The control plane changes it under its lock and then publishes what
 * invocations read: each route key's integration and each stage's route throttles.
 */
final class HttpApiDefinition {

    private ObjectNode api;
    private final Map<String, ObjectNode> routes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> integrations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> stages = new LinkedHashMap<>();
    private final Map<String, ObjectNode> deployments = new LinkedHashMap<>();
    private final Map<String, ObjectNode> authorizers = new LinkedHashMap<>();
    /** The integration of each routed route key, as invocations read it. */
    private volatile Map<String, ObjectNode> integrationByRouteKey = Map.of();
    /** {@code RouteSettings} throttles by stage name, then route key. */
    private volatile Map<String, Map<String, TokenBucket>> routeThrottles = Map.of();

    HttpApiDefinition(ObjectNode api) {
        this.api = api;
    }

    ObjectNode api() {
        return api;
    }

    void replaceApi(ObjectNode next) {
        this.api = next;
    }

    Map<String, ObjectNode> routes() {
        return routes;
    }

    Map<String, ObjectNode> integrations() {
        return integrations;
    }

    Map<String, ObjectNode> stages() {
        return stages;
    }

    Map<String, ObjectNode> deployments() {
        return deployments;
    }

    Map<String, ObjectNode> authorizers() {
        return authorizers;
    }

    /**
     * What a request on {@code routeKey} is authorized with: a copy of the route and, when it names one, of its
     * authorizer ({@code null} members when there is none).
     */
    synchronized RouteAuthorization authorization(String routeKey) {
        for (ObjectNode route : routes.values()) {
            if (route.path("routeKey").asText().equals(routeKey)) {
                ObjectNode authorizer = authorizers.get(route.path("authorizerId").asText(""));
                return new RouteAuthorization(route.deepCopy(), authorizer == null ? null : authorizer.deepCopy());
            }
        }
        return new RouteAuthorization(null, null);
    }

    /** A route and its authorizer, as {@link #authorization} copies them. */
    record RouteAuthorization(ObjectNode route, ObjectNode authorizer) {
    }

    /** The values of {@code map} as a list, for answers built outside the lock. */
    static List<ObjectNode> copies(Map<String, ObjectNode> map) {
        List<ObjectNode> copies = new ArrayList<>();
        map.values().forEach(value -> copies.add(value.deepCopy()));
        return copies;
    }

    /** The definition for a data directory: the API and its parts, each in AWS's shape. */
    synchronized ObjectNode export() {
        ObjectNode json = api.objectNode();
        json.set("api", api.deepCopy());
        copies(routes).forEach(json.putArray("routes")::add);
        copies(integrations).forEach(json.putArray("integrations")::add);
        copies(stages).forEach(json.putArray("stages")::add);
        copies(deployments).forEach(json.putArray("deployments")::add);
        copies(authorizers).forEach(json.putArray("authorizers")::add);
        return json;
    }

    /** A definition {@link #export} wrote; it serves once the control plane publishes it. */
    static HttpApiDefinition restore(JsonNode json) {
        HttpApiDefinition definition = new HttpApiDefinition(json.path("api").deepCopy());
        json.path("routes").forEach(part -> definition.routes.put(part.path("routeId").asText(), part.deepCopy()));
        json.path("integrations").forEach(part -> definition.integrations.put(part.path("integrationId").asText(),
                part.deepCopy()));
        json.path("stages").forEach(part -> definition.stages.put(part.path("stageName").asText(), part.deepCopy()));
        json.path("deployments").forEach(part -> definition.deployments.put(part.path("deploymentId").asText(),
                part.deepCopy()));
        json.path("authorizers").forEach(part -> definition.authorizers.put(part.path("authorizerId").asText(),
                part.deepCopy()));
        return definition;
    }

    /** Publishes what invocations read after a change. */
    void publish(Map<String, ObjectNode> integrationsByRouteKey, Map<String, Map<String, TokenBucket>> throttles) {
        this.integrationByRouteKey = Map.copyOf(integrationsByRouteKey);
        this.routeThrottles = Map.copyOf(throttles);
    }

    /** The integration that route {@code routeKey} targets, or null. */
    ObjectNode integrationOf(String routeKey) {
        return integrationByRouteKey.get(routeKey);
    }

    /** The route throttle of {@code routeKey} on stage {@code stage}, or null for the stage's own. */
    TokenBucket routeThrottle(String stage, String routeKey) {
        return routeThrottles.getOrDefault(stage, Map.of()).get(routeKey);
    }

    /** The route throttles of {@code stage} by route key. */
    Map<String, TokenBucket> routeThrottles(String stage) {
        return routeThrottles.getOrDefault(stage, Map.of());
    }
}
