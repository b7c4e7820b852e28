package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The REST API control plane a basic setup needs: Create/Get/Delete RestApi, GetResources,
 * CreateResource, PutMethod, PutIntegration (AWS_PROXY to Lambda, AWS to SQS), CreateDeployment,
 * CreateStage, GetStage and UpdateStage (stage-wide throttling). Methods and integrations take effect at
 * once (AWS serves them only after the next deployment).
 */
final class ControlPlaneActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiRegions regions;

    ControlPlaneActions(ApiRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateRestApi", this::createRestApi);
        operations.put("GetRestApi", (call, input) -> restApiJson(api(call, input)));
        operations.put("GetRestApis", this::getRestApis);
        operations.put("DeleteRestApi", this::deleteRestApi);
        operations.put("GetResources", this::getResources);
        operations.put("CreateResource", this::createResource);
        operations.put("PutMethod", this::putMethod);
        operations.put("PutIntegration", this::putIntegration);
        operations.put("CreateDeployment", this::createDeployment);
        operations.put("CreateStage", this::createStage);
        operations.put("GetStage", (call, input) -> stageJson(stage(api(call, input), input.requiredString("stage_name"))));
        operations.put("UpdateStage", this::updateStage);
    }

    static AwsException notFound(String message) {
        return new AwsException("NotFoundException", 404, message);
    }

    static AwsException badRequest(String message) {
        return new AwsException("BadRequestException", 400, message);
    }

    private RestApi api(DecodedCall call, Input input) {
        String id = input.requiredString("restapi_id");
        RestApi api = regions.region(call.region()).apis().get(id);
        if (api == null || api.http()) {
            throw notFound("Invalid API identifier specified " + call.accountId() + ":" + id);
        }
        return api;
    }

    private JsonNode createRestApi(DecodedCall call, Input input) {
        String name = input.requiredString("name");
        RestApi api = new RestApi(regions.newId(), name, false, regions.context().clock().millis(), regions.newId());
        regions.add(regions.region(call.region()), api);
        return restApiJson(api);
    }

    private JsonNode getRestApis(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        regions.region(call.region()).apis().values().stream().filter(a -> !a.http())
                .forEach(api -> items.add(restApiJson(api)));
        return output;
    }

    private JsonNode deleteRestApi(DecodedCall call, Input input) {
        regions.remove(regions.region(call.region()), api(call, input));
        return NODES.objectNode();
    }

    private static ObjectNode restApiJson(RestApi api) {
        ObjectNode json = NODES.objectNode();
        json.put("id", api.id());
        json.put("name", api.name());
        json.put("createdDate", api.createdAt() / 1000);
        json.put("apiKeySource", "HEADER");
        json.putObject("endpointConfiguration").putArray("types").add("EDGE");
        json.put("rootResourceId", api.resources().rootId());
        return json;
    }

    private JsonNode getResources(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        api(call, input).resources().all().forEach(resource -> items.add(resourceJson(resource)));
        return output;
    }

    private JsonNode createResource(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        ResourceTree.Resource parent = resource(api, input.requiredString("parent_id"));
        String part = input.requiredString("pathPart");
        if (!part.matches("[A-Za-z0-9._:-]+|\\{[A-Za-z0-9._-]+\\+?}")) {
            throw badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and "
                    + "the end and an optional plus sign before the closing brace.");
        }
        ResourceTree.Resource created = api.resources().add(regions.newId(), parent, part);
        if (created == null) {
            throw new AwsException("ConflictException", 409, "Another resource with the same parent already has "
                    + "this name: " + part);
        }
        return resourceJson(created);
    }

    private static ResourceTree.Resource resource(RestApi api, String id) {
        ResourceTree.Resource resource = api.resources().get(id);
        if (resource == null) {
            throw notFound("Invalid Resource identifier specified");
        }
        return resource;
    }

    private JsonNode putMethod(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        ResourceTree.Resource resource = resource(api, input.requiredString("resource_id"));
        String method = input.requiredString("http_method");
        String authorization = input.requiredString("authorizationType");
        ResourceTree.Method put = new ResourceTree.Method(method, authorization,
                Boolean.TRUE.equals(input.bool("apiKeyRequired")), null, null);
        resource.methods().put(method, put);
        rebuildRoutes(api, call.region());
        return methodJson(put);
    }

    private JsonNode putIntegration(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        ResourceTree.Resource resource = resource(api, input.requiredString("resource_id"));
        String httpMethod = input.requiredString("http_method");
        ResourceTree.Method method = resource.methods().get(httpMethod);
        if (method == null) {
            throw notFound("Invalid Method identifier specified");
        }
        String type = input.requiredString("type");
        String uri = input.string("uri");
        if (!type.equals("AWS_PROXY") && !type.equals("AWS") && !type.equals("MOCK")) {
            throw badRequest("SimStack integrates AWS_PROXY (Lambda) and AWS (SQS) only; got " + type);
        }
        if (!type.equals("MOCK") && (uri == null || target(type, uri, call.region()) == null)) {
            throw badRequest("Invalid integration URI specified: " + uri + " (SimStack takes a Lambda invocation "
                    + "URI for AWS_PROXY and arn:aws:apigateway:REGION:sqs:path/ACCOUNT/QUEUE for AWS)");
        }
        ResourceTree.Method integrated = new ResourceTree.Method(method.httpMethod(), method.authorizationType(),
                method.apiKeyRequired(), type, uri);
        resource.methods().put(httpMethod, integrated);
        rebuildRoutes(api, call.region());
        ObjectNode json = NODES.objectNode();
        json.put("type", type);
        json.put("httpMethod", input.string("integrationHttpMethod"));
        json.put("uri", uri);
        json.put("passthroughBehavior", "WHEN_NO_MATCH");
        json.put("timeoutInMillis", 29_000);
        json.put("cacheNamespace", resource.id());
        json.putArray("cacheKeyParameters");
        return json;
    }

    /** The integration's target ARN: a function's for AWS_PROXY, a queue's for AWS (SQS); null if neither. */
    static String target(String type, String uri, String region) {
        if (type.equals("AWS_PROXY")) {
            int at = uri.indexOf("/functions/");
            int end = uri.indexOf("/invocations");
            return at < 0 || end < at ? null : uri.substring(at + "/functions/".length(), end);
        }
        int at = uri.indexOf(":sqs:path/");
        if (at < 0) {
            return null;
        }
        String[] path = uri.substring(at + ":sqs:path/".length()).split("/");
        return path.length == 2 && !path[0].isEmpty() && !path[1].isEmpty()
                ? ResourceRef.queue(region, path[0], path[1]).arn() : null;
    }

    private void rebuildRoutes(RestApi api, String region) {
        List<ApiRoute> routes = new ArrayList<>();
        for (ResourceTree.Resource resource : api.resources().all()) {
            for (ResourceTree.Method method : resource.methods().values()) {
                if (method.integrationType() == null || method.integrationType().equals("MOCK")) {
                    continue;
                }
                String target = target(method.integrationType(), method.integrationUri(), region);
                routes.add(new ApiRoute(method.httpMethod(), resource.path(),
                        method.integrationType().equals("AWS_PROXY") ? "lambda" : "sqs", target,
                        method.apiKeyRequired(), null));
            }
        }
        api.replaceRoutes(routes);
    }

    private JsonNode createDeployment(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        String id = regions.newId();
        String stageName = input.string("stageName");
        if (stageName != null) {
            RestApi.Stage existing = api.stage(stageName);
            api.putStage(new RestApi.Stage(stageName, id, existing == null ? null : existing.throttle(),
                    regions.context().clock().millis()));
        }
        ObjectNode json = NODES.objectNode();
        json.put("id", id);
        json.put("createdDate", regions.context().clock().millis() / 1000);
        return json;
    }

    private JsonNode createStage(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        String name = input.requiredString("stageName");
        if (api.stage(name) != null) {
            throw new AwsException("ConflictException", 409, "Stage already exists");
        }
        RestApi.Stage stage = new RestApi.Stage(name, input.requiredString("deploymentId"), null,
                regions.context().clock().millis());
        api.putStage(stage);
        return stageJson(stage);
    }

    private static RestApi.Stage stage(RestApi api, String name) {
        RestApi.Stage stage = api.stage(name);
        if (stage == null) {
            throw notFound("Invalid Stage identifier specified");
        }
        return stage;
    }

    /** UpdateStage's patch operations for {@code /*}{@code /*}{@code /throttling/rateLimit|burstLimit}. */
    private JsonNode updateStage(DecodedCall call, Input input) {
        RestApi api = api(call, input);
        RestApi.Stage stage = stage(api, input.requiredString("stage_name"));
        double rate = stage.throttle() == null ? ApiRegion.ACCOUNT_RATE : stage.throttle().rate();
        int burst = stage.throttle() == null ? ApiRegion.ACCOUNT_BURST : stage.throttle().burst();
        for (JsonNode op : input.node().path("patchOperations")) {
            String path = op.path("path").asText();
            String value = op.path("value").asText();
            try {
                if (path.equals("/*/*/throttling/rateLimit")) {
                    rate = Double.parseDouble(value);
                } else if (path.equals("/*/*/throttling/burstLimit")) {
                    burst = Integer.parseInt(value);
                } else {
                    throw badRequest("SimStack's UpdateStage takes /*/*/throttling/rateLimit and burstLimit only; "
                            + "got " + path);
                }
            } catch (NumberFormatException e) {
                throw badRequest("Invalid value for " + path + ": " + value);
            }
        }
        RestApi.Stage updated = new RestApi.Stage(stage.name(), stage.deploymentId(),
                new TokenBucket(rate, burst, regions.context().clock()), stage.createdAt());
        api.putStage(updated);
        return stageJson(updated);
    }

    private static ObjectNode stageJson(RestApi.Stage stage) {
        ObjectNode json = NODES.objectNode();
        json.put("deploymentId", stage.deploymentId());
        json.put("stageName", stage.name());
        json.put("createdDate", stage.createdAt() / 1000);
        json.put("lastUpdatedDate", stage.createdAt() / 1000);
        ObjectNode settings = json.putObject("methodSettings");
        if (stage.throttle() != null) {
            ObjectNode all = settings.putObject("*/*");
            all.put("throttlingRateLimit", stage.throttle().rate());
            all.put("throttlingBurstLimit", stage.throttle().burst());
        }
        return json;
    }

    private static ObjectNode resourceJson(ResourceTree.Resource resource) {
        ObjectNode json = NODES.objectNode();
        json.put("id", resource.id());
        if (resource.parentId() != null) {
            json.put("parentId", resource.parentId());
            json.put("pathPart", resource.pathPart());
        }
        json.put("path", resource.path());
        if (!resource.methods().isEmpty()) {
            ObjectNode methods = json.putObject("resourceMethods");
            resource.methods().forEach((name, method) -> methods.set(name, methodJson(method)));
        }
        return json;
    }

    private static ObjectNode methodJson(ResourceTree.Method method) {
        ObjectNode json = NODES.objectNode();
        json.put("httpMethod", method.httpMethod());
        json.put("authorizationType", method.authorizationType());
        json.put("apiKeyRequired", method.apiKeyRequired());
        return json;
    }
}
