package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A request to an API's stage, in API Gateway's order: find the API, stage and route (403 Missing
 * Authentication Token for REST, 404 Not Found for HTTP APIs when none fits), ask the method's Lambda authorizer
 * (401, 403 or 500 when it refuses or fails), check the API key of a
 * route that requires one (403 Forbidden), apply the usage plan's throttle and quota, then the
 * route's, the stage's (a REST stage's method setting for the route's resource and method, where one
 * throttles it) and the account's token buckets (429), and call the integration. Each request
 * lands in the ledger; API Gateway's own answers go out as the API's customised gateway responses.
 */
final class ExecuteAction {

    private final ApiRegions regions;
    private final Integrations integrations;
    private final NonProxyIntegration nonProxy;
    private final HttpIntegrationCall httpIntegrations;
    private final LambdaAuthorizers authorizers;
    private final HttpAuthorizers httpAuthorizers;
    private final CustomGatewayResponses responses;

    ExecuteAction(ApiRegions regions, Integrations integrations, NonProxyIntegration nonProxy,
            LambdaAuthorizers authorizers, HttpAuthorizers httpAuthorizers, CustomGatewayResponses responses) {
        this.regions = regions;
        this.integrations = integrations;
        this.nonProxy = nonProxy;
        this.httpIntegrations = new HttpIntegrationCall(integrations, regions.context().accountId());
        this.authorizers = authorizers;
        this.httpAuthorizers = httpAuthorizers;
        this.responses = responses;
    }

    CompletableFuture<JsonNode> execute(DecodedCall call, Input input) {
        ApiRequest request = ApiRequest.from(input.node(), call.requestId(), call.arrival());
        ApiRegion region = regions.regionOf(request.apiId());
        RestApi api = region == null ? null : region.apis().get(request.apiId());
        ResourceRef ref = ResourceRef.api(region == null ? call.region() : region.name(),
                regions.context().accountId(), request.apiId());
        if (api == null) {
            return done(null, ref, request, null, GatewayResponses.forbidden(), false);
        }
        RestApi.Stage stage = api.stage(request.stage());
        if (stage == null) {
            api.decided();
            return done(api, ref, request, null, api.http() ? GatewayResponses.notFound() : GatewayResponses.forbidden(), false);
        }
        RouteMatcher.Match match = RouteMatcher.match(api.routes(), request.method(), request.path());
        if (match == null) {
            api.decided();
            return done(api, ref, request, null, api.http() ? GatewayResponses.notFound()
                    : GatewayResponses.missingAuthenticationToken(), false);
        }
        ApiRoute route = match.route();
        ResourceTree.Resource resource = route.path() == null ? null : api.resources().at(route.path());
        Method method = resource == null ? null : resource.methods().get(route.method());
        if (api.httpDefinition() != null) { // an apigatewayv2 route's JWT or Lambda authorizer
            return httpAuthorizers.authorize(api, api.httpDefinition(), route, stage, request, match.pathParameters(),
                    region.name()).thenCompose(verdict -> {
                        if (verdict.refusal() == null) {
                            return admit(region, api, stage, ref, request, match, resource, method, null, verdict);
                        }
                        api.decided();
                        return done(api, ref, request, route, verdict.refusal(), false);
                    });
        }
        Authorizer authorizer = authorizer(api, method);
        if (authorizer == null || !authorizer.lambda()) { // Cognito user pools are stored, not enforced
            return admit(region, api, stage, ref, request, match, resource, method, null, HttpAuthorizers.Verdict.NONE);
        }
        AuthorizerRequest asked = new AuthorizerRequest(request, route, match.pathParameters(), stage, region.name(),
                resource.id());
        return authorizers.authorize(api, authorizer, asked).thenCompose(verdict -> {
            if (verdict.refusal() == null) {
                return admit(region, api, stage, ref, request, match, resource, method, verdict,
                        HttpAuthorizers.Verdict.NONE);
            }
            api.decided();
            return done(api, ref, request, route, verdict.refusal(), false);
        });
    }

    /**
     * The authorizer a CUSTOM or Cognito method names; null for other methods (the control plane keeps a
     * method's authorizer from being deleted).
     */
    private static Authorizer authorizer(RestApi api, Method method) {
        if (method == null || method.authorizerId() == null || !("CUSTOM".equals(method.authorizationType())
                || "COGNITO_USER_POOLS".equals(method.authorizationType()))) {
            return null;
        }
        return api.authorizers().get(method.authorizerId());
    }

    /** After the authorizer: the API key and usage plan, the throttles, the validator, the integration. */
    private CompletableFuture<JsonNode> admit(ApiRegion region, RestApi api, RestApi.Stage stage, ResourceRef ref,
            ApiRequest request, RouteMatcher.Match match, ResourceTree.Resource resource, Method method,
            LambdaAuthorizers.Verdict verdict, HttpAuthorizers.Verdict httpVerdict) {
        ApiRoute route = match.route();
        ObjectNode refused = admit(region, api, route, request);
        HttpApiDefinition definition = api.httpDefinition();
        TokenBucket routeThrottle = definition == null ? route.throttle()
                : definition.routeThrottle(stage.name(), route.routeKey());
        boolean throttled = refused == null
                && (!takes(routeThrottle) || !takes(definition == null ? stage.throttleOf(route, request.method()) : stage.throttle())
                        || !region.account().tryTake());
        api.decided(); // after the token buckets read the clock: a manual-clock burst may move it on now
        if (refused != null) {
            return done(api, ref, request, route, refused, GatewayResponses.status(refused) == 429);
        }
        if (throttled) {
            return done(api, ref, request, route, GatewayResponses.tooManyRequests(), true);
        }
        ObjectNode invalid = method == null ? null
                : RequestValidation.check(api, method, request, match.pathParameters());
        if (invalid != null) {
            return done(api, ref, request, route, GatewayResponses.invalidRequest(invalid), false);
        }
        Map<String, Object> authorized = verdict == null ? null : verdict.authorizerContext();
        CompletableFuture<ObjectNode> answer;
        if (method != null && method.integration() != null && !method.integration().proxy()) {
            answer = nonProxy.invoke(route, method, resource.id(), stage, request, match.pathParameters(),
                    region.name(), authorized);
        } else if (definition != null) {
            answer = httpIntegrations.invoke(api, definition.integrationOf(route.routeKey()), route, stage, request,
                    match.pathParameters(), region.name(), httpVerdict);
        } else if (route.integrationType().equals("sqs")) {
            answer = integrations.sqs(route, request);
        } else {
            String account = regions.context().accountId();
            byte[] event;
            if (api.http()) {
                event = ProxyEvents.v2(request, route, match.pathParameters(), account, region.name());
            } else {
                ObjectNode v1 = ProxyEvents.v1Event(request, route, match.pathParameters(), account, region.name(),
                        Integer.toHexString(route.routeKey().hashCode()));
                if (authorized != null) {
                    // REST APIs hand the authorizer's context on as strings, next to principalId and the latency
                    ObjectNode context = ((ObjectNode) v1.path("requestContext")).putObject("authorizer");
                    authorized.forEach((name, value) -> context.put(name, value.toString()));
                    context.put("integrationLatency", 0);
                }
                event = ProxyEvents.bytes(v1);
            }
            answer = integrations.lambda(api, route, request, event);
        }
        return answer.thenCompose(out -> done(api, ref, request, route, out, false));
    }

    /** The usage plan's verdict for a route that requires an API key; null when admitted. */
    private static ObjectNode admit(ApiRegion region, RestApi api, ApiRoute route, ApiRequest request) {
        if (!route.apiKeyRequired()) {
            return null;
        }
        String value = request.header("x-api-key");
        ApiRegion.ApiKey key = value == null ? null : region.keyByValue(value);
        if (key == null) {
            return GatewayResponses.invalidApiKey();
        }
        for (UsagePlanState plan : region.plans().values()) {
            if (plan.hasKey(key.id()) && plan.covers(api.id(), request.stage())) {
                switch (plan.admit(key.id())) {
                    case THROTTLED:
                        return GatewayResponses.tooManyRequests();
                    case QUOTA_EXCEEDED:
                        return GatewayResponses.limitExceeded();
                    default:
                        return null;
                }
            }
        }
        return GatewayResponses.invalidApiKey();
    }

    private static boolean takes(TokenBucket bucket) {
        return bucket == null || bucket.tryTake();
    }

    /** Records the answer in the ledger and counts it on {@code answering} (null when the API does not exist). */
    private CompletableFuture<JsonNode> done(RestApi answering, ResourceRef api, ApiRequest request, ApiRoute route,
            ObjectNode given, boolean throttled) {
        ObjectNode answer = responses.apply(answering, request, given);
        int status = GatewayResponses.status(answer);
        ((ObjectNode) answer.path("__headers")).put("x-amzn-RequestId", request.requestId());
        Duration latency = Duration.between(request.arrival(), regions.context().clock().now());
        regions.context().ledger().apiRequest(api, request.stage(),
                route == null ? null : route.routeKey(), request.method(), request.path(), status, latency, throttled);
        if (answering != null) {
            answering.answered();
        }
        return CompletableFuture.completedFuture(answer);
    }
}
