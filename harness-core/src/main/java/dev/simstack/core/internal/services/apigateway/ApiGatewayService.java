package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.restjson.RestJsonRoutes;
import dev.simstack.core.internal.services.apigateway.mapping.MappingTemplates;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import dev.simstack.core.internal.services.sqs.SqsPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Amazon API Gateway: REST APIs (v1) and HTTP APIs (v2) declared through the stack API or built through
 * their control planes (apigateway, apigatewayv2), served at {@code /restapis/{id}/{stage}/_user_request_/...} and
 * {@code /_aws/execute-api/{id}/{stage}/...} with Lambda proxy and SQS integrations, throttling and
 * usage plans.
 */
public final class ApiGatewayService implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("apigateway", null, "1.1",
            "com.amazonaws.apigateway", false, false, null);

    private final ApiRegions regions;
    /**
     * The ids a declared API was given, by region and name, kept across resets: a reset re-creates the
     * declared APIs, and their invoke URLs (which carry the id) must stay valid like every other endpoint.
     */
    private final java.util.Map<String, String[]> declaredIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecuteAction execute;
    private final UsagePlanActions usagePlans;
    private final AuthorizerActions authorizerActions;
    private final OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations =
            OperationTable.forRest(operation -> Errors.notSupported("API Gateway's " + operation));

    public ApiGatewayService(StackContext context, LambdaPort lambda, SqsPort sqs) {
        this.regions = new ApiRegions(context);
        Integrations integrations = new Integrations(context, lambda, sqs);
        MappingTemplates templates = new MappingTemplates();
        LambdaAuthorizers authorizers = new LambdaAuthorizers(context, lambda);
        this.execute = new ExecuteAction(regions, integrations,
                new NonProxyIntegration(templates, integrations, context.accountId()), authorizers,
                new HttpAuthorizers(context, lambda), new CustomGatewayResponses(templates));
        this.usagePlans = new UsagePlanActions(regions);
        ControlPlane plane = new ControlPlane(regions);
        new RestApiActions(plane).register(operations);
        new ResourceActions(plane).register(operations);
        new MethodActions(plane).register(operations);
        new IntegrationActions(plane).register(operations);
        new DeploymentActions(plane).register(operations);
        new RequestValidatorActions(plane).register(operations);
        new ModelActions(plane).register(operations);
        new ImportExportActions(plane).register(operations);
        usagePlans.register(operations);
        HttpControlPlane httpPlane = new HttpControlPlane(regions);
        new HttpApiActions(httpPlane).register(operations);
        new HttpRouteActions(httpPlane).register(operations);
        new HttpIntegrationActions(httpPlane).register(operations);
        new HttpStageActions(httpPlane).register(operations);
        new HttpDeploymentActions(httpPlane).register(operations);
        new HttpTagActions(httpPlane).register(operations);
        new HttpAuthorizerActions(httpPlane).register(operations);
        this.authorizerActions = new AuthorizerActions(plane, authorizers);
        authorizerActions.register(operations);
        new GatewayResponseActions(plane).register(operations);
        new UsagePlanKeyActions(regions).register(operations);
        new ApiKeyActions(plane).register(operations);
        CustomDomains domains = new CustomDomains(plane);
        new DomainNameActions(domains).register(operations);
        new BasePathMappingActions(domains).register(operations);
        new HttpDomainNameActions(domains).register(operations);
        new ApiMappingActions(domains).register(operations);
    }

    /** The REST-JSON operations: API invocations and the control plane. */
    public static RestJsonRoutes routes() {
        return ApiGatewayRoutes.ROUTES;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        if (call.operation().equals("Execute")) {
            return execute.execute(call, new Input(call.input()));
        }
        if (call.operation().equals("TestInvokeAuthorizer")) { // it waits for the function: asynchronous
            return authorizerActions.testInvoke(call, new Input(call.input()));
        }
        return CompletableFuture.completedFuture(operations.handler(call).apply(call, new Input(call.input())));
    }

    /** An invocation acts in its API's region (it is unsigned: its URL names the API, not a region). */
    @Override
    public String regionOfUnsignedCall(String operation, JsonNode input) {
        if (!operation.equals("Execute")) {
            return null;
        }
        ApiRegion region = regions.regionOf(input.path("apiId").asText());
        return region == null ? null : region.name();
    }

    /** Creates an API declared in the stack's configuration; returns its id. */
    public String declareApi(String region, ApiSpec spec) {
        return declareApi(region, spec, declaredIds.computeIfAbsent(region + "/" + spec.name(),
                key -> new String[] {regions.newId(), regions.newId()}));
    }

    /**
     * Creates an API as {@link #declareApi} does, under new ids: a CloudFormation stack's API is a new API
     * each time it is created (API names need not be unique, and two stacks may name theirs alike).
     */
    public String createApi(String region, ApiSpec spec) {
        return declareApi(region, spec, new String[] {regions.newId(), regions.newId()});
    }

    private String declareApi(String region, ApiSpec spec, String[] ids) {
        ApiRegion state = regions.region(region);
        StackContext context = regions.context();
        RestApi api = new RestApi(ids[0], spec.name(), spec.kind() == ApiSpec.Kind.HTTP,
                context.clock().millis(), ids[1]);
        for (ApiSpec.Route route : spec.routes()) {
            String key = route.routeKey();
            int space = key.indexOf(' ');
            String name = route.integration().target();
            String target = (route.integration().type().equals("lambda")
                    ? ResourceRef.function(region, context.accountId(), name)
                    : ResourceRef.queue(region, context.accountId(), name)).arn();
            TokenBucket throttle = route.rate() > 0 ? new TokenBucket(route.rate(), route.burst(), context.clock())
                    : null;
            api.addRoute(new ApiRoute(space < 0 ? null : key.substring(0, space),
                    space < 0 ? null : key.substring(space + 1), route.integration().type(), target,
                    route.apiKeyRequired(), throttle));
        }
        TokenBucket stageThrottle = spec.rate() > 0 ? new TokenBucket(spec.rate(), spec.burst(), context.clock())
                : null;
        api.putStage(new RestApi.Stage(spec.stage(), regions.newId(), stageThrottle, context.clock().millis()));
        regions.add(state, api);
        for (ApiSpec.UsagePlan plan : spec.usagePlans()) {
            UsagePlanState created = usagePlans.createPlan(state, plan.name(), plan.rate(), plan.burst(),
                    plan.quotaLimit(), plan.quotaPeriod());
            created.addStage(api.id(), spec.stage());
            for (String value : plan.apiKeys()) {
                ApiRegion.ApiKey existing = state.keyByValue(value);
                created.addKey((existing != null ? existing : usagePlans.createKey(state, value, value)).id());
            }
        }
        return api.id();
    }

    /** The id of the API named {@code name} in {@code region}, or null. */
    public String apiId(String region, String name) {
        return regions.region(region).apis().values().stream().filter(api -> api.name().equals(name))
                .map(RestApi::id).findFirst().orElse(null);
    }

    /** The ids of the APIs named {@code name} in {@code region} (API names need not be unique), sorted. */
    public java.util.List<String> apiIds(String region, String name) {
        return regions.region(region).apis().values().stream().filter(api -> api.name().equals(name))
                .map(RestApi::id).sorted().toList();
    }

    /** The names of the APIs of every region that has any, by region, each list sorted, without repeats. */
    public java.util.SortedMap<String, java.util.List<String>> apiNames() {
        java.util.SortedMap<String, java.util.List<String>> names = new java.util.TreeMap<>();
        for (ApiRegion region : regions.all()) {
            java.util.List<String> apis = region.apis().values().stream().map(RestApi::name).distinct().sorted()
                    .toList();
            if (!apis.isEmpty()) {
                names.put(region.name(), apis);
            }
        }
        return names;
    }

    /** Every route integration of every API, API to function or queue, for reports. */
    public java.util.List<dev.simstack.core.internal.engine.ResourceLink> routeLinks() {
        java.util.List<dev.simstack.core.internal.engine.ResourceLink> links = new java.util.ArrayList<>();
        for (ApiRegion region : regions.all()) {
            for (RestApi api : region.apis().values()) {
                var from = dev.simstack.core.ResourceRef.api(region.name(), regions.context().accountId(), api.id());
                for (ApiRoute route : api.routes()) {
                    var to = dev.simstack.core.internal.engine.ResourceLink.refOrNull(route.target());
                    if (to != null) {
                        links.add(new dev.simstack.core.internal.engine.ResourceLink(from, to, route.routeKey()));
                    }
                }
            }
        }
        return links;
    }

    /** The name of API {@code apiId}, or null if there is none. */
    public String apiName(String apiId) {
        ApiRegion region = regions.regionOf(apiId);
        RestApi api = region == null ? null : region.apis().get(apiId);
        return api == null ? null : api.name();
    }

    /** The stage an API declared through the stack API serves. */
    /**
     * How many requests API {@code apiId} has taken in and decided (throttled, refused, or handed to its
     * integration), or -1 if there is no such API: a burst on a manual clock waits for its request to be counted
     * before it moves the clock, so the throttle reads the clock at the request's own arrival.
     */
    public long requestsDecided(String apiId) {
        ApiRegion region = regions.regionOf(apiId);
        RestApi api = region == null ? null : region.apis().get(apiId);
        return api == null ? -1 : api.decidedCount();
    }

    /**
     * How many requests API {@code apiId} has answered, or -1 if there is no such API: a burst on a manual clock
     * waits for the answers counted here to reach it before it moves the clock, so each is stamped at its instant.
     */
    public long requestsAnswered(String apiId) {
        ApiRegion region = regions.regionOf(apiId);
        RestApi api = region == null ? null : region.apis().get(apiId);
        return api == null ? -1 : api.answeredCount();
    }

    public String firstStage(String apiId) {
        ApiRegion region = regions.regionOf(apiId);
        RestApi api = region == null ? null : region.apis().get(apiId);
        return api == null || api.stages().isEmpty() ? null : api.stages().keySet().iterator().next();
    }

    @Override
    public Runnable reset() {
        regions.clear();
        return () -> { };
    }

    @Override
    public void close() {
        // nothing runs in the background: integrations finish with their requests
    }

    ApiRegions regions() {
        return regions;
    }

    /** Every region with API Gateway state. */
    java.util.Collection<ApiRegion> allRegions() {
        return regions.all();
    }
}
