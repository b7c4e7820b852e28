package dev.simstack.core.internal.services.apigateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API, REST (v1) or HTTP (v2): its routes, its stages with their throttles, and, for REST APIs
 * built through the control plane, its resource tree.
 */
final class RestApi {

    /**
     * A stage: a name, its deployment, a throttle (null for the account's default; a REST stage's {@code *}{@code /*}
     * method setting), a description, its stage variables ({@code $stageVariables} in mapping templates) and its
     * method settings (UpdateStage's per-method throttles, caching, logging and metrics).
     */
    record Stage(String name, String deploymentId, TokenBucket throttle, long createdAt, String description,
            Map<String, String> variables, MethodSettings methodSettings) {

        Stage {
            variables = Map.copyOf(variables);
        }

        Stage(String name, String deploymentId, TokenBucket throttle, long createdAt, String description,
                Map<String, String> variables) {
            this(name, deploymentId, throttle, createdAt, description, variables, MethodSettings.none());
        }

        Stage(String name, String deploymentId, TokenBucket throttle, long createdAt) {
            this(name, deploymentId, throttle, createdAt, null, Map.of());
        }

        Stage withThrottle(TokenBucket next) {
            return new Stage(name, deploymentId, next, createdAt, description, variables, methodSettings);
        }

        /**
         * The bucket a request to {@code route} takes from at the stage level: its resource's and method's own
         * when a method setting throttles it (the more specific setting wins), else the stage's. AWS takes no
         * method setting on an {@code ANY} method, so a request an {@code ANY} method serves takes from the
         * setting of the method it was sent with ({@code /~1orders/GET} for a GET), as deployment tools that
         * throttle an {@code ANY} route write one setting per HTTP method.
         */
        TokenBucket throttleOf(ApiRoute route, String requestMethod) {
            String method = "ANY".equals(route.method()) ? requestMethod : route.method();
            TokenBucket own = methodSettings.bucket(route.path(), method);
            return own != null ? own : throttle;
        }
    }

    /** A request validator: whether it checks the body against the method's model and the required parameters. */
    record RequestValidator(String id, String name, boolean validateRequestBody, boolean validateRequestParameters) {
    }

    /**
     * A gateway response the API customised (PutGatewayResponse): its status (null keeps the type's), the
     * {@code gatewayresponse.header.NAME} parameters and the templates by content type.
     */
    record GatewayResponse(GatewayResponseType type, String statusCode, Map<String, String> responseParameters,
            Map<String, String> responseTemplates) {

        GatewayResponse {
            responseParameters = Map.copyOf(responseParameters);
            responseTemplates = Map.copyOf(responseTemplates);
        }
    }

    /** A deployment (CreateDeployment): an id, a description and when it was made. */
    record Deployment(String id, String description, long createdAt) {
    }

    private final String id;
    private volatile String name;
    private volatile String description;
    private final boolean http;
    private final long createdAt;
    private final List<ApiRoute> routes = new CopyOnWriteArrayList<>();
    private final Map<String, Stage> stages = new ConcurrentHashMap<>();
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, RequestValidator> requestValidators = new ConcurrentHashMap<>();
    private final Map<String, Model> models = new ConcurrentHashMap<>();
    /** Where API keys come from: {@code HEADER} ({@code x-api-key}) or {@code AUTHORIZER}. */
    private volatile String apiKeySource = "HEADER";
    private final ResourceTree resources;
    private final Map<String, Authorizer> authorizers = new ConcurrentHashMap<>();
    private final Map<GatewayResponseType, GatewayResponse> gatewayResponses = new ConcurrentHashMap<>();
    private final AuthorizerCache authorizerCache = new AuthorizerCache();
    /** Requests this API has taken in and decided (throttled, refused, or handed to the integration). */
    private final AtomicLong decided = new AtomicLong();
    /** Requests this API has answered (its gateway or its integration), counted as they are recorded. */
    private final AtomicLong answered = new AtomicLong();
    /** The apigatewayv2 definition of an HTTP API, once the control plane has read or built it; else null. */
    private volatile HttpApiDefinition httpDefinition;

    RestApi(String id, String name, boolean http, long createdAt, String rootResourceId) {
        this.id = id;
        this.name = name;
        this.http = http;
        this.createdAt = createdAt;
        this.resources = new ResourceTree(rootResourceId);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Renames the API and sets its description (UpdateRestApi). */
    void describe(String nextName, String nextDescription) {
        this.name = nextName;
        this.description = nextDescription;
    }

    String description() {
        return description;
    }

    /** Deployments by id. */
    Map<String, Deployment> deployments() {
        return deployments;
    }

    /** Request validators by id. */
    Map<String, RequestValidator> requestValidators() {
        return requestValidators;
    }

    /** Models by name. */
    Map<String, Model> models() {
        return models;
    }

    String apiKeySource() {
        return apiKeySource;
    }

    void apiKeySource(String source) {
        this.apiKeySource = source;
    }

    /** Authorizers by id. */
    Map<String, Authorizer> authorizers() {
        return authorizers;
    }

    /** The gateway responses this API customised, by type. */
    Map<GatewayResponseType, GatewayResponse> gatewayResponses() {
        return gatewayResponses;
    }

    /** The verdicts of its Lambda authorizers, by stage, authorizer and identity. */
    AuthorizerCache authorizerCache() {
        return authorizerCache;
    }

    /** True for an HTTP API (v2 events, v2 error bodies). */
    boolean http() {
        return http;
    }

    long createdAt() {
        return createdAt;
    }

    List<ApiRoute> routes() {
        return routes;
    }

    void addRoute(ApiRoute route) {
        routes.add(route);
    }

    /** Replaces the routes (a control-plane change to methods or integrations). */
    void replaceRoutes(List<ApiRoute> next) {
        routes.clear();
        routes.addAll(next);
    }

    Stage stage(String stageName) {
        return stages.get(stageName);
    }

    void putStage(Stage stage) {
        stages.put(stage.name(), stage);
    }

    Map<String, Stage> stages() {
        return stages;
    }

    /** The apigatewayv2 definition of this HTTP API, or null when the v2 control plane has not touched it. */
    HttpApiDefinition httpDefinition() {
        return httpDefinition;
    }

    void httpDefinition(HttpApiDefinition definition) {
        this.httpDefinition = definition;
    }

    ResourceTree resources() {
        return resources;
    }

    /** Counts a request whose fate at the gateway (throttle, usage plan, routing) is decided. */
    void decided() {
        decided.incrementAndGet();
    }

    /** How many requests were decided since the API was created. */
    long decidedCount() {
        return decided.get();
    }

    /** Counts a request whose answer is ready to go back to its caller. */
    void answered() {
        answered.incrementAndGet();
    }

    /** How many requests were answered since the API was created. */
    long answeredCount() {
        return answered.get();
    }
}
