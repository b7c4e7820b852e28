package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a REST API from an OpenAPI definition (ImportRestApi, PutRestApi): models from the named schemas,
 * request validators, Lambda authorizers from the security schemes ({@link OpenApiAuthorizers}), then a resource per path segment and a method per operation, with its parameters, request
 * and response models, method responses and {@code x-amazon-apigateway-integration}. Everything is checked as the
 * call-by-call operations check it before the API changes, so a refused definition leaves the API as it was.
 */
final class OpenApiImport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "x-amazon-apigateway-any-method");

    private final ControlPlane plane;
    private final OpenApiDocument document;
    private final RestApi api;
    private final String region;
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, RestApi.RequestValidator> validators = new LinkedHashMap<>();
    private OpenApiAuthorizers authorizers;

    OpenApiImport(ControlPlane plane, OpenApiDocument document, RestApi api, String region) {
        this.plane = plane;
        this.document = document;
        this.api = api;
        this.region = region;
    }

    /** Applies the definition: {@code overwrite} replaces the API's resources, models and validators, else merges. */
    void apply(boolean overwrite) {
        JsonNode root = document.root();
        String title = root.path("info").path("title").asText("");
        if (title.isEmpty()) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: info.title is required (it names the API)");
        }
        readModels(overwrite);
        readValidators(overwrite);
        authorizers = new OpenApiAuthorizers(document, api.authorizers(), plane.regions());
        Map<String, Map<String, Method>> methods = readPaths();
        if (overwrite) {
            api.resources().all().stream().filter(r -> api.resources().rootId().equals(r.parentId()))
                    .forEach(api.resources()::remove);
            api.resources().get(api.resources().rootId()).methods().clear();
            api.models().clear();
            api.requestValidators().clear();
            api.authorizers().clear();
        }
        api.models().putAll(models);
        validators.values().forEach(v -> api.requestValidators().put(v.id(), v));
        authorizers.authorizers().forEach((id, authorizer) -> {
            api.authorizers().put(id, authorizer);
            api.authorizerCache().flushAuthorizer(id);
        });
        methods.forEach((path, byVerb) -> resourceAt(path).methods().putAll(byVerb));
        api.describe(title, root.path("info").path("description").asText(null));
        JsonNode keySource = root.path("x-amazon-apigateway-api-key-source");
        if (keySource.isTextual()) {
            api.apiKeySource(keySource.asText().toUpperCase(Locale.ROOT));
        }
        plane.rebuildRoutes(api, region);
    }

    private void readModels(boolean overwrite) {
        if (!overwrite) {
            models.putAll(api.models());
        } else if (!document.schemas().has("Empty")) {
            models.putAll(ModelSchemas.defaults(plane.regions()));
        }
        document.schemas().fields().forEachRemaining(e -> model(e.getKey(), e.getValue()));
    }

    private String model(String name, JsonNode schema) {
        String text = document.modelSchema(schema, api.id()).toPrettyString();
        try {
            ModelSchemas.checked(text);
        } catch (RuntimeException e) {
            throw ControlPlane.badRequest("Errors found during import: Unable to create model for '" + name + "': "
                    + e.getMessage());
        }
        Model existing = models.get(name);
        models.put(name, new Model(existing == null ? plane.regions().newId() : existing.id(), name, null, text,
                "application/json"));
        return name;
    }

    private void readValidators(boolean overwrite) {
        if (!overwrite) {
            api.requestValidators().values().forEach(v -> validators.put(v.name(), v));
        }
        document.root().path("x-amazon-apigateway-request-validators").fields().forEachRemaining(e -> {
            RestApi.RequestValidator existing = validators.get(e.getKey());
            validators.put(e.getKey(), new RestApi.RequestValidator(
                    existing == null ? plane.regions().newId() : existing.id(), e.getKey(),
                    e.getValue().path("validateRequestBody").asBoolean(),
                    e.getValue().path("validateRequestParameters").asBoolean()));
        });
    }

    private Map<String, Map<String, Method>> readPaths() {
        Map<String, Map<String, Method>> methods = new LinkedHashMap<>();
        document.root().path("paths").fields().forEachRemaining(path -> {
            String route = path.getKey();
            checkPath(route);
            Map<String, Method> byVerb = methods.computeIfAbsent(route, p -> new LinkedHashMap<>());
            for (String verb : VERBS) {
                JsonNode operation = path.getValue().path(verb);
                if (operation.isObject()) {
                    String httpMethod = verb.startsWith("x-") ? "ANY" : verb.toUpperCase(Locale.ROOT);
                    byVerb.put(httpMethod, method(httpMethod, route, path.getValue(), operation));
                }
            }
        });
        return methods;
    }

    private static void checkPath(String path) {
        if (!path.startsWith("/")) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: path '" + path + "' must start with /");
        }
        for (String part : path.substring(1).split("/")) {
            if (!part.isEmpty()) {
                ResourceActions.pathPart(part);
            }
        }
    }

    private Method method(String httpMethod, String path, JsonNode pathItem, JsonNode operation) {
        OpenApiOperation read = new OpenApiOperation(document, operation, this::inlineModel);
        Map<String, Boolean> parameters = read.requestParameters(pathItem);
        String validatorName = operation.path("x-amazon-apigateway-request-validator")
                .asText(document.root().path("x-amazon-apigateway-request-validator").asText(null));
        String validatorId = null;
        if (validatorName != null) {
            RestApi.RequestValidator validator = validators.get(validatorName);
            if (validator == null) {
                throw ControlPlane.badRequest("Invalid OpenAPI input: " + httpMethod + " " + path
                        + " names request validator '" + validatorName + "', which x-amazon-apigateway-request-"
                        + "validators does not define (it defines " + validators.keySet() + ")");
            }
            validatorId = validator.id();
        }
        Integration integration = integration(operation.path("x-amazon-apigateway-integration"));
        OpenApiAuthorizers.Authorization authorization = authorizers.of(operation);
        return new Method(httpMethod, authorization.type(), read.apiKeyRequired(), validatorId,
                operation.path("operationId").asText(null), parameters, read.requestModels(), read.methodResponses(),
                integration, authorization.authorizerId());
    }

    private Integration integration(JsonNode extension) {
        if (!extension.isObject()) {
            return null;
        }
        ObjectNode json = NODES.objectNode();
        json.put("type", extension.path("type").asText("").toUpperCase(Locale.ROOT));
        for (String member : Set.of("httpMethod", "uri", "contentHandling", "cacheNamespace")) {
            if (extension.hasNonNull(member)) {
                json.put(member, extension.get(member).asText());
            }
        }
        json.put("passthroughBehavior", extension.path("passthroughBehavior").asText("when_no_match")
                .toUpperCase(Locale.ROOT));
        json.put("timeoutInMillis", extension.path("timeoutInMillis").asInt(29_000));
        for (String member : List.of("requestParameters", "requestTemplates", "cacheKeyParameters")) {
            if (extension.has(member)) {
                json.set(member, extension.get(member));
            }
        }
        ObjectNode responses = json.putObject("integrationResponses");
        extension.path("responses").fields().forEachRemaining(e -> {
            ObjectNode response = ((ObjectNode) e.getValue()).deepCopy();
            if (!e.getKey().equals("default")) {
                response.put("selectionPattern", e.getKey());
            }
            responses.set(response.path("statusCode").asText(), response);
        });
        Integration integration = MethodJson.integration(json);
        IntegrationActions.checked(integration, region);
        integration.integrationResponses().values().forEach(IntegrationActions::checked);
        return integration;
    }

    /** A model for a schema written inline (AWS names such models itself); its name. */
    private String inlineModel(JsonNode schema) {
        String named = document.modelName(schema);
        if (named != null) {
            if (!models.containsKey(named)) {
                throw ControlPlane.badRequest("Invalid OpenAPI input: reference " + schema.path("$ref").asText()
                        + " names no schema of the definition");
            }
            return named;
        }
        return model("Model" + (models.size() + 1), schema);
    }

    private ResourceTree.Resource resourceAt(String path) {
        ResourceTree tree = api.resources();
        ResourceTree.Resource at = tree.get(tree.rootId());
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String childPath = (at.path().equals("/") ? "" : at.path()) + "/" + part;
            ResourceTree.Resource child = tree.at(childPath);
            at = child != null ? child : tree.add(plane.regions().newId(), at, part);
        }
        return at;
    }
}
