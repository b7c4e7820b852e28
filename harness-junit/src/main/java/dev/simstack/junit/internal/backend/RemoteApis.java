package dev.simstack.junit.internal.backend;

import dev.simstack.core.ApiSpec;
import dev.simstack.junit.internal.SdkClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationRequest;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Creates declared REST APIs through API Gateway's v1 control plane: the API, a resource per path segment, a
 * method per route with its integration (Lambda proxy, or SQS SendMessage with the request body as the message)
 * and its API key requirement, a deployment to the declared stage, the stage's and the routes' throttles as the
 * stage's method settings, and the usage plans
 * ({@link RemoteUsagePlans}); the invoke URL is kept for {@code @ApiUrl}. Deleted with the API after the class.
 * HTTP APIs go to {@link RemoteHttpApis}, with the same integrations' role.
 */
final class RemoteApis {

    /** Maps a request's body to SQS's form-encoded SendMessage, as a hand-written SQS integration does. */
    /** The methods an {@code ANY} route's throttle is written for: every method API Gateway serves. */
    static final List<String> ANY_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    /** Patch operations per UpdateStage: deployment tools split larger sets of method settings at this size. */
    private static final int PATCHES_PER_UPDATE = 80;
    private static final String SEND_BODY = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)";

    private final RemoteTarget target;
    private final SdkClients clients;
    private final RemoteResources resources;

    RemoteApis(RemoteTarget target, SdkClients clients, RemoteResources resources) {
        this.target = target;
        this.clients = clients;
        this.resources = resources;
    }

    void create(List<ApiSpec> specs) {
        String credentials = ExecutionRole.forIntegrations(target, resources);
        for (ApiSpec spec : specs) {
            if (spec.kind() == ApiSpec.Kind.HTTP) {
                new RemoteHttpApis(target, clients, resources).create(spec, credentials);
            } else {
                createRest(spec, credentials);
            }
        }
    }

    private void createRest(ApiSpec spec, String credentials) {
        String region = target.regionOf(spec.region());
        ApiGatewayClient apigateway = (ApiGatewayClient) clients.client(ApiGatewayClient.class, region);
        String name = target.name(spec.name());
        String id = apigateway.createRestApi(b -> b.name(name).tags(Map.of(RemoteStack.RUN_TAG, target.runId())))
                .id();
        resources.created("API", name, region, () -> apigateway.deleteRestApi(b -> b.restApiId(id)));
        Map<String, String> paths = new HashMap<>();
        for (Resource resource : apigateway.getResources(b -> b.restApiId(id)).items()) {
            paths.put(resource.path(), resource.id());
        }
        for (ApiSpec.Route route : spec.routes()) {
            String[] key = route.routeKey().split(" ", 2);
            String resourceId = resource(apigateway, id, key[1], paths);
            apigateway.putMethod(b -> b.restApiId(id).resourceId(resourceId).httpMethod(key[0])
                    .authorizationType("NONE").apiKeyRequired(route.apiKeyRequired()));
            integrate(apigateway, region, id, resourceId, key[0], route.integration(), credentials);
        }
        apigateway.createDeployment(b -> b.restApiId(id).stageName(spec.stage()));
        List<PatchOperation> throttles = throttles(spec);
        for (int from = 0; from < throttles.size(); from += PATCHES_PER_UPDATE) {
            List<PatchOperation> part = throttles.subList(from, Math.min(throttles.size(), from + PATCHES_PER_UPDATE));
            apigateway.updateStage(b -> b.restApiId(id).stageName(spec.stage()).patchOperations(part));
        }
        RemoteUsagePlans.create(apigateway, spec, id, region, target, resources);
        resources.apiUrl(region, spec.name(), invokeUrl(id, region, spec.stage()));
    }

    /**
     * The stage's throttle as its {@code *}{@code /*} method setting, and each throttled route's as the method
     * setting of its resource and method ({@code /~1orders/POST/throttling/...}), a limit the route leaves at 0
     * filled from the stage's (as {@link RemoteHttpApis} fills route settings). AWS takes no method setting on
     * {@code ANY}: an {@code ANY} route's throttle is written for each of {@link #ANY_METHODS}, so on AWS each method
     * has a bucket of the route's limits where the engine keeps one for the route.
     */
    private static List<PatchOperation> throttles(ApiSpec spec) {
        List<PatchOperation> operations = new ArrayList<>();
        if (spec.rate() > 0) {
            operations.add(replace("/*/*/throttling/rateLimit", Double.toString(spec.rate())));
            operations.add(replace("/*/*/throttling/burstLimit", Integer.toString(spec.burst())));
        }
        for (ApiSpec.Route route : spec.routes()) {
            if (route.rate() > 0 || route.burst() > 0) {
                String[] key = route.routeKey().split(" ", 2);
                for (String method : key[0].equals("ANY") ? ANY_METHODS : List.of(key[0])) {
                    String prefix = "/" + key[1].replace("~", "~0").replace("/", "~1") + "/" + method;
                    operations.add(replace(prefix + "/throttling/rateLimit",
                            Double.toString(RemoteHttpApis.rateOf(spec, route))));
                    operations.add(replace(prefix + "/throttling/burstLimit",
                            Integer.toString(RemoteHttpApis.burstOf(spec, route))));
                }
            }
        }
        return operations;
    }

    private static PatchOperation replace(String path, String value) {
        return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
    }

    /** The id of the resource at {@code path}, its missing segments created under their parents. */
    private static String resource(ApiGatewayClient apigateway, String api, String path, Map<String, String> paths) {
        String parent = paths.get("/");
        String at = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            at = at + "/" + segment;
            String existing = paths.get(at);
            if (existing == null) {
                String parentId = parent;
                existing = apigateway.createResource(b -> b.restApiId(api).parentId(parentId).pathPart(segment)).id();
                paths.put(at, existing);
            }
            parent = existing;
        }
        return parent;
    }

    private void integrate(ApiGatewayClient apigateway, String region, String api, String resourceId, String method,
            ApiSpec.Integration integration, String credentials) {
        PutIntegrationRequest.Builder request = PutIntegrationRequest.builder().restApiId(api).resourceId(resourceId)
                .httpMethod(method).integrationHttpMethod("POST").credentials(credentials);
        if (integration.type().equals("lambda")) {
            LambdaClient lambda = (LambdaClient) clients.client(LambdaClient.class, region);
            String function = lambda.getFunction(b -> b.functionName(target.name(integration.target())))
                    .configuration().functionArn();
            apigateway.putIntegration(request.type(IntegrationType.AWS_PROXY).uri("arn:aws:apigateway:" + region
                    + ":lambda:path/2015-03-31/functions/" + function + "/invocations").build());
            return;
        }
        String queueUrl = resources.queueUrl(region, integration.target());
        apigateway.putIntegration(request.type(IntegrationType.AWS).uri("arn:aws:apigateway:" + region
                + ":sqs:path/" + ClientEffects.accountOf(queueUrl) + "/" + target.name(integration.target()))
                .requestParameters(Map.of("integration.request.header.Content-Type",
                        "'application/x-www-form-urlencoded'"))
                .requestTemplates(Map.of("application/json", SEND_BODY)).passthroughBehavior("NEVER").build());
        apigateway.putMethodResponse(b -> b.restApiId(api).resourceId(resourceId).httpMethod(method)
                .statusCode("200"));
        apigateway.putIntegrationResponse(b -> b.restApiId(api).resourceId(resourceId).httpMethod(method)
                .statusCode("200").selectionPattern(""));
    }

    /**
     * Where the API answers: on AWS's own endpoint its execute-api host; on an emulator (or an AWS endpoint
     * override) LocalStack's path, which the SimStack launcher serves too.
     */
    private String invokeUrl(String id, String region, String stage) {
        if (target.endpoint() == null) {
            return "https://" + id + ".execute-api." + region + ".amazonaws.com/" + stage;
        }
        String base = target.endpoint().toString().replaceAll("/+$", "");
        return base + "/restapis/" + id + "/" + stage + "/_user_request_";
    }
}
