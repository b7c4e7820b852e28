package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;

/**
 * API Gateway state for a data directory: every REST and HTTP API with its routes (integration, API key
 * requirement, throttle), stages and their throttles and method settings, and a control-plane API's resource
 * tree with methods, integrations and models, an HTTP API's apigatewayv2 definition; usage plans with their stages and
 * keys; API keys; custom domain names with their API mappings. Throttle buckets and quota counters restart full: they are rates, not state a client was
 * promised.
 */
public final class ApiGatewaySnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiGatewaySnapshots() {
    }

    public static ObjectNode export(ApiGatewayService service) {
        ObjectNode json = NODES.objectNode();
        ArrayNode regions = json.putArray("regions");
        for (ApiRegion region : service.allRegions()) {
            ObjectNode node = regions.addObject().put("name", region.name());
            ArrayNode apis = node.putArray("apis");
            region.apis().values().forEach(api -> apis.add(api(api)));
            ArrayNode plans = node.putArray("usagePlans");
            for (UsagePlanState plan : region.plans().values()) {
                ObjectNode entry = plans.addObject().put("id", plan.id()).put("name", plan.name())
                        .put("rate", plan.rate()).put("burst", plan.burst()).put("quotaLimit", plan.quotaLimit())
                        .put("quotaPeriod", plan.quotaPeriod());
                ArrayNode stages = entry.putArray("stages");
                plan.stages().forEach(s -> stages.addObject().put("apiId", s[0]).put("stage", s[1]));
                ArrayNode keys = entry.putArray("keyIds");
                region.keys().keySet().stream().filter(plan::hasKey).sorted().forEach(keys::add);
            }
            ArrayNode keys = node.putArray("apiKeys");
            for (ApiRegion.ApiKey key : region.keys().values()) {
                keys.addObject().put("id", key.id()).put("name", key.name()).put("value", key.value())
                        .put("enabled", key.enabled()).put("createdAt", key.createdAt())
                        .put("description", key.description()).put("customerId", key.customerId())
                        .put("updatedAt", key.updatedAt());
            }
            DomainNameSnapshots.export(region, node);
        }
        return json;
    }

    private static ObjectNode api(RestApi api) {
        ObjectNode json = NODES.objectNode().put("id", api.id()).put("name", api.name()).put("http", api.http())
                .put("createdAt", api.createdAt()).put("rootResourceId", api.resources().rootId())
                .put("description", api.description());
        ArrayNode routes = json.putArray("routes");
        for (ApiRoute route : api.routes()) {
            ObjectNode entry = routes.addObject().put("method", route.method()).put("path", route.path())
                    .put("integrationType", route.integrationType()).put("target", route.target())
                    .put("apiKeyRequired", route.apiKeyRequired());
            throttle(entry, route.throttle());
        }
        ArrayNode stages = json.putArray("stages");
        for (RestApi.Stage stage : api.stages().values()) {
            ObjectNode entry = stages.addObject().put("name", stage.name()).put("deploymentId", stage.deploymentId())
                    .put("createdAt", stage.createdAt()).put("description", stage.description());
            stage.variables().forEach(entry.putObject("variables")::put);
            throttle(entry, stage.throttle());
            entry.set("methodSettings", stage.methodSettings().export());
        }
        ArrayNode resources = json.putArray("resources");
        for (ResourceTree.Resource resource : api.resources().all()) {
            ObjectNode entry = resources.addObject().put("id", resource.id()).put("parentId", resource.parentId())
                    .put("pathPart", resource.pathPart());
            ArrayNode methods = entry.putArray("methods");
            resource.methods().values().forEach(method -> methods.add(MethodJson.method(method)));
        }
        ArrayNode deployments = json.putArray("deployments");
        for (RestApi.Deployment deployment : api.deployments().values()) {
            deployments.addObject().put("id", deployment.id()).put("description", deployment.description())
                    .put("createdAt", deployment.createdAt());
        }
        HttpApiDefinition definition = api.httpDefinition();
        if (definition != null) {
            json.set("httpDefinition", definition.export());
        }
        ArrayNode validators = json.putArray("requestValidators");
        for (RestApi.RequestValidator validator : api.requestValidators().values()) {
            validators.addObject().put("id", validator.id()).put("name", validator.name())
                    .put("validateRequestBody", validator.validateRequestBody())
                    .put("validateRequestParameters", validator.validateRequestParameters());
        }
        ArrayNode models = json.putArray("models");
        api.models().values().forEach(model -> models.add(ModelActions.json(model)));
        json.put("apiKeySource", api.apiKeySource());
        AuthorizerSnapshots.export(api, json);
        return json;
    }

    private static void throttle(ObjectNode json, TokenBucket throttle) {
        if (throttle != null) {
            json.putObject("throttle").put("rate", throttle.rate()).put("burst", throttle.burst());
        }
    }

    /**
     * Recreates the snapshot's APIs, usage plans and keys in an empty service.
     *
     * @return the number of APIs and of usage plans loaded
     */
    public static long[] restore(ApiGatewayService service, JsonNode snapshot) {
        ApiRegions regions = service.regions();
        SimClock clock = regions.context().clock();
        long apis = 0;
        long plans = 0;
        for (JsonNode node : snapshot.path("regions")) {
            ApiRegion region = regions.region(node.path("name").asText());
            for (JsonNode json : node.path("apis")) {
                RestApi api = api(json, clock);
                regions.add(region, api);
                if (json.has("httpDefinition")) {
                    restoreDefinition(regions, region, api, json.path("httpDefinition"));
                }
                apis++;
            }
            for (JsonNode json : node.path("apiKeys")) {
                region.keys().put(json.path("id").asText(), new ApiRegion.ApiKey(json.path("id").asText(),
                        text(json, "name"), text(json, "value"), json.path("enabled").asBoolean(),
                        json.path("createdAt").asLong(), text(json, "description"), text(json, "customerId"),
                        json.path("updatedAt").asLong(json.path("createdAt").asLong())));
            }
            for (JsonNode json : node.path("usagePlans")) {
                UsagePlanState plan = new UsagePlanState(json.path("id").asText(), text(json, "name"),
                        json.path("rate").asDouble(), json.path("burst").asInt(), json.path("quotaLimit").asInt(),
                        text(json, "quotaPeriod"), clock);
                json.path("stages").forEach(s -> plan.addStage(s.path("apiId").asText(), s.path("stage").asText()));
                json.path("keyIds").forEach(k -> plan.addKey(k.asText()));
                region.plans().put(plan.id(), plan);
                plans++;
            }
            DomainNameSnapshots.restore(node, region);
        }
        return new long[] {apis, plans};
    }

    /** An HTTP API's apigatewayv2 definition, published over the routes and stages restored with it. */
    private static void restoreDefinition(ApiRegions regions, ApiRegion region, RestApi api, JsonNode json) {
        HttpApiDefinition definition = HttpApiDefinition.restore(json);
        api.httpDefinition(definition);
        synchronized (definition) {
            new HttpControlPlane(regions).publish(api, definition, region.name());
        }
    }

    private static RestApi api(JsonNode json, SimClock clock) {
        RestApi api = new RestApi(json.path("id").asText(), text(json, "name"), json.path("http").asBoolean(),
                json.path("createdAt").asLong(), json.path("rootResourceId").asText());
        for (JsonNode route : json.path("routes")) {
            api.addRoute(new ApiRoute(text(route, "method"), text(route, "path"), text(route, "integrationType"),
                    text(route, "target"), route.path("apiKeyRequired").asBoolean(), throttle(route, clock)));
        }
        for (JsonNode stage : json.path("stages")) {
            java.util.Map<String, String> variables = new java.util.HashMap<>();
            stage.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
            TokenBucket throttle = throttle(stage, clock);
            api.putStage(new RestApi.Stage(stage.path("name").asText(), text(stage, "deploymentId"), throttle,
                    stage.path("createdAt").asLong(), text(stage, "description"), variables,
                    MethodSettings.restore(stage.path("methodSettings"), throttle, clock)));
        }
        api.describe(api.name(), text(json, "description"));
        for (JsonNode deployment : json.path("deployments")) {
            api.deployments().put(deployment.path("id").asText(), new RestApi.Deployment(deployment.path("id").asText(),
                    text(deployment, "description"), deployment.path("createdAt").asLong()));
        }
        for (JsonNode validator : json.path("requestValidators")) {
            api.requestValidators().put(validator.path("id").asText(), new RestApi.RequestValidator(
                    validator.path("id").asText(), text(validator, "name"),
                    validator.path("validateRequestBody").asBoolean(),
                    validator.path("validateRequestParameters").asBoolean()));
        }
        for (JsonNode model : json.path("models")) {
            api.models().put(model.path("name").asText(), new Model(model.path("id").asText(),
                    model.path("name").asText(), text(model, "description"), text(model, "schema"),
                    text(model, "contentType")));
        }
        if (json.path("apiKeySource").isTextual()) {
            api.apiKeySource(json.path("apiKeySource").asText());
        }
        AuthorizerSnapshots.restore(json, api);
        ResourceTree tree = api.resources();
        for (JsonNode resource : json.path("resources")) {
            String id = resource.path("id").asText();
            ResourceTree.Resource restored = id.equals(tree.rootId()) ? tree.get(id)
                    : tree.add(id, tree.get(resource.path("parentId").asText()), resource.path("pathPart").asText());
            for (JsonNode method : resource.path("methods")) {
                restored.methods().put(method.path("httpMethod").asText(), MethodJson.method(method));
            }
        }
        return api;
    }

    private static TokenBucket throttle(JsonNode json, SimClock clock) {
        JsonNode throttle = json.path("throttle");
        return throttle.isObject() ? new TokenBucket(throttle.path("rate").asDouble(), throttle.path("burst").asInt(),
                clock) : null;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() ? value.textValue() : null;
    }
}
