package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stage's REST API as an OpenAPI 3.0 or Swagger 2.0 definition (GetExport): paths and operations from the
 * resource tree, parameters, request bodies and responses from the methods, schemas from the models, security
 * schemes from the authorizers; with
 * extensions, the {@code x-amazon-apigateway-*} members ImportRestApi reads back, so an export imports as the same
 * API.
 */
final class OpenApiExport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestApi api;
    private final boolean swagger;
    private final boolean extensions;
    private final String prefix;

    OpenApiExport(RestApi api, boolean swagger, boolean extensions) {
        this.api = api;
        this.swagger = swagger;
        this.extensions = extensions;
        this.prefix = swagger ? "#/definitions/" : "#/components/schemas/";
    }

    ObjectNode definition(RestApi.Stage stage, String region) {
        ObjectNode root = NODES.objectNode();
        root.put(swagger ? "swagger" : "openapi", swagger ? "2.0" : "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", api.name());
        if (api.description() != null) {
            info.put("description", api.description());
        }
        RestApi.Deployment deployment = api.deployments().get(stage.deploymentId());
        info.put("version", Instant.ofEpochMilli(deployment == null ? stage.createdAt() : deployment.createdAt())
                .toString());
        String host = api.id() + ".execute-api." + region + ".amazonaws.com";
        if (swagger) {
            root.put("host", host).put("basePath", "/" + stage.name()).putArray("schemes").add("https");
        } else {
            ObjectNode server = root.putArray("servers").addObject().put("url", "https://" + host + "/{basePath}");
            server.putObject("variables").putObject("basePath").put("default", stage.name());
        }
        ObjectNode paths = root.putObject("paths");
        boolean keys = false;
        boolean iam = false;
        for (ResourceTree.Resource resource : api.resources().all()) {
            if (resource.methods().isEmpty()) {
                continue;
            }
            ObjectNode item = paths.putObject(resource.path());
            for (Method method : new TreeMap<>(resource.methods()).values()) {
                item.set(method.httpMethod().equals("ANY") ? "x-amazon-apigateway-any-method"
                        : method.httpMethod().toLowerCase(Locale.ROOT), operation(method));
                keys |= method.apiKeyRequired();
                iam |= method.authorizationType().equals("AWS_IAM");
            }
        }
        ObjectNode schemas = swagger ? root.putObject("definitions")
                : root.putObject("components").putObject("schemas");
        new TreeMap<>(api.models()).values().stream().filter(m -> m.schema() != null)
                .forEach(m -> schemas.set(m.name(), schema(m)));
        if (keys) {
            ObjectNode scheme = (swagger ? root.putObject("securityDefinitions")
                    : ((ObjectNode) root.get("components")).putObject("securitySchemes")).putObject("api_key");
            scheme.put("type", "apiKey").put("name", "x-api-key").put("in", "header");
        }
        if (!api.authorizers().isEmpty() || iam) {
            ObjectNode parent = swagger ? root : (ObjectNode) root.get("components");
            String member = swagger ? "securityDefinitions" : "securitySchemes";
            OpenApiAuthorizers.exportSchemes(api, parent.has(member) ? (ObjectNode) parent.get(member)
                    : parent.putObject(member), iam, extensions);
        }
        if (extensions) {
            apiExtensions(root);
        }
        return root;
    }

    private void apiExtensions(ObjectNode root) {
        if (!api.requestValidators().isEmpty()) {
            ObjectNode validators = root.putObject("x-amazon-apigateway-request-validators");
            api.requestValidators().values().forEach(v -> validators.putObject(name(v))
                    .put("validateRequestBody", v.validateRequestBody())
                    .put("validateRequestParameters", v.validateRequestParameters()));
        }
        if (!api.apiKeySource().equals("HEADER")) {
            root.put("x-amazon-apigateway-api-key-source", api.apiKeySource());
        }
    }

    private ObjectNode operation(Method method) {
        ObjectNode operation = NODES.objectNode();
        if (method.operationName() != null) {
            operation.put("operationId", method.operationName());
        }
        ArrayNode parameters = NODES.arrayNode();
        new TreeMap<>(method.requestParameters()).forEach((key, required) -> {
            String[] parts = key.split("\\.", 4);
            ObjectNode parameter = parameters.addObject().put("name", parts[3])
                    .put("in", parts[2].equals("querystring") ? "query" : parts[2]).put("required", required);
            if (swagger) {
                parameter.put("type", "string");
            } else {
                parameter.putObject("schema").put("type", "string");
            }
        });
        requestBody(method, operation, parameters);
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        ObjectNode responses = operation.putObject("responses");
        new TreeMap<>(method.methodResponses()).values().forEach(r -> responses.set(r.statusCode(), response(r)));
        ArrayNode security = OpenApiAuthorizers.array();
        if (method.apiKeyRequired()) {
            security.addObject().putArray("api_key");
        }
        OpenApiAuthorizers.exportRequirement(api, method, security);
        if (!security.isEmpty()) {
            operation.set("security", security);
        }
        if (extensions) {
            RestApi.RequestValidator validator = method.requestValidatorId() == null ? null
                    : api.requestValidators().get(method.requestValidatorId());
            if (validator != null) {
                operation.put("x-amazon-apigateway-request-validator", name(validator));
            }
            if (method.integration() != null) {
                operation.set("x-amazon-apigateway-integration", integration(method.integration()));
            }
        }
        return operation;
    }

    private void requestBody(Method method, ObjectNode operation, ArrayNode parameters) {
        if (method.requestModels().isEmpty()) {
            return;
        }
        Map<String, String> models = new TreeMap<>(method.requestModels());
        if (swagger) {
            String model = models.values().iterator().next();
            models.keySet().forEach(operation.putArray("consumes")::add);
            parameters.addObject().put("in", "body").put("name", model).put("required", true)
                    .putObject("schema").put("$ref", prefix + model);
        } else {
            ObjectNode content = operation.putObject("requestBody").putObject("content");
            models.forEach((type, model) -> content.putObject(type).putObject("schema").put("$ref", prefix + model));
            ((ObjectNode) operation.get("requestBody")).put("required", true);
        }
    }

    private ObjectNode response(MethodResponse response) {
        ObjectNode json = NODES.objectNode().put("description", response.statusCode() + " response");
        if (!response.responseParameters().isEmpty()) {
            ObjectNode headers = json.putObject("headers");
            new TreeMap<>(response.responseParameters()).keySet().forEach(key -> {
                ObjectNode header = headers.putObject(key.substring(key.lastIndexOf('.') + 1));
                if (swagger) {
                    header.put("type", "string");
                } else {
                    header.putObject("schema").put("type", "string");
                }
            });
        }
        Map<String, String> models = new TreeMap<>(response.responseModels());
        if (swagger && !models.isEmpty()) {
            json.putObject("schema").put("$ref", prefix + models.values().iterator().next());
        } else if (!models.isEmpty()) {
            ObjectNode content = json.putObject("content");
            models.forEach((type, model) -> content.putObject(type).putObject("schema").put("$ref", prefix + model));
        }
        return json;
    }

    /** {@code x-amazon-apigateway-integration}: AWS writes the type and passthrough behaviour in lower case. */
    private static ObjectNode integration(Integration integration) {
        ObjectNode json = MethodJson.integration(integration);
        json.put("type", integration.type().toLowerCase(Locale.ROOT));
        json.put("passthroughBehavior", integration.passthroughBehavior().toLowerCase(Locale.ROOT));
        json.remove("integrationResponses");
        ObjectNode responses = json.putObject("responses");
        new TreeMap<>(integration.integrationResponses()).values().forEach(r -> {
            ObjectNode response = MethodJson.integrationResponse(r);
            response.remove("selectionPattern");
            responses.set(r.isDefault() ? "default" : r.selectionPattern(), response);
        });
        return json;
    }

    /** A model's schema as a definition's schema: no {@code $schema}, references to models made local. */
    private JsonNode schema(Model model) {
        JsonNode schema;
        try {
            schema = JSON.readTree(model.schema());
        } catch (IOException e) {
            return NODES.objectNode();
        }
        if (schema.isObject()) {
            ((ObjectNode) schema).remove("$schema");
        }
        localRefs(schema, ModelSchemas.iri(api.id(), ""));
        return schema;
    }

    private void localRefs(JsonNode node, String modelPrefix) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(modelPrefix)) {
                ((ObjectNode) node).put("$ref", prefix + ref.substring(modelPrefix.length()));
            }
        }
        node.forEach(child -> localRefs(child, modelPrefix));
    }

    /** A validator's name in the definition (validators made without a name are named by their id). */
    private static String name(RestApi.RequestValidator validator) {
        return validator.name() == null ? validator.id() : validator.name();
    }
}
