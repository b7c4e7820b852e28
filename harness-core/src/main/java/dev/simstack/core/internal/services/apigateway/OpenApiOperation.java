package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One operation of an OpenAPI definition read as API Gateway reads it: its parameters as
 * {@code method.request.path|querystring|header.NAME}, its request body's and responses' models by content type
 * (Swagger 2.0's {@code consumes}/{@code produces}, {@code application/json} by default), its numbered responses
 * with their headers, and whether a security requirement names an API key scheme.
 */
final class OpenApiOperation {

    private static final Map<String, String> LOCATIONS = Map.of("path", "path", "query", "querystring",
            "header", "header");

    private final OpenApiDocument document;
    private final JsonNode operation;
    /** Gives the model name for a schema: the one it refers to, or a model made for an inline schema. */
    private final Function<JsonNode, String> models;

    OpenApiOperation(OpenApiDocument document, JsonNode operation, Function<JsonNode, String> models) {
        this.document = document;
        this.operation = operation;
        this.models = models;
    }

    /** The path item's and the operation's parameters (the operation's win), to whether each is required. */
    Map<String, Boolean> requestParameters(JsonNode pathItem) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        for (JsonNode raw : all) {
            JsonNode parameter = document.resolve(raw);
            String location = LOCATIONS.get(parameter.path("in").asText());
            if (location != null) {
                parameters.put("method.request." + location + "." + parameter.path("name").asText(),
                        parameter.path("required").asBoolean(location.equals("path")));
            }
        }
        return parameters;
    }

    /** Content type to model name for the request body. */
    Map<String, String> requestModels() {
        Map<String, String> byType = new LinkedHashMap<>();
        if (document.swagger()) {
            for (JsonNode raw : operation.path("parameters")) {
                JsonNode parameter = document.resolve(raw);
                if (parameter.path("in").asText().equals("body") && parameter.has("schema")) {
                    String model = models.apply(parameter.get("schema"));
                    mediaTypes("consumes").forEach(type -> byType.put(type, model));
                }
            }
        } else {
            document.resolve(operation.path("requestBody")).path("content").fields().forEachRemaining(e -> {
                if (e.getValue().has("schema")) {
                    byType.put(e.getKey(), models.apply(e.getValue().get("schema")));
                }
            });
        }
        return byType;
    }

    /** Method responses by status code; {@code default} and other non-numeric keys are not API Gateway's. */
    Map<String, MethodResponse> methodResponses() {
        Map<String, MethodResponse> responses = new LinkedHashMap<>();
        operation.path("responses").fields().forEachRemaining(e -> {
            if (!e.getKey().matches("[1-5]\\d\\d")) {
                return;
            }
            JsonNode response = document.resolve(e.getValue());
            Map<String, Boolean> headers = new LinkedHashMap<>();
            response.path("headers").fieldNames()
                    .forEachRemaining(name -> headers.put("method.response.header." + name, false));
            Map<String, String> byType = new LinkedHashMap<>();
            if (document.swagger()) {
                if (response.has("schema")) {
                    String model = models.apply(response.get("schema"));
                    mediaTypes("produces").forEach(type -> byType.put(type, model));
                }
            } else {
                response.path("content").fields().forEachRemaining(c -> {
                    if (c.getValue().has("schema")) {
                        byType.put(c.getKey(), models.apply(c.getValue().get("schema")));
                    }
                });
            }
            responses.put(e.getKey(), new MethodResponse(e.getKey(), headers, byType));
        });
        return responses;
    }

    /**
     * True if the operation's (or else the definition's) security names a scheme of type {@code apiKey} that is
     * no authorizer's.
     */
    boolean apiKeyRequired() {
        JsonNode security = operation.has("security") ? operation.get("security") : document.root().path("security");
        for (JsonNode requirement : security) {
            var names = requirement.fieldNames();
            while (names.hasNext()) {
                if (OpenApiAuthorizers.apiKeyScheme(document.securitySchemes().path(names.next()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Swagger 2.0's media types of the operation, else of the definition, else {@code application/json}. */
    private List<String> mediaTypes(String member) {
        JsonNode types = operation.has(member) ? operation.get(member) : document.root().path(member);
        List<String> list = new ArrayList<>();
        types.forEach(type -> list.add(type.asText()));
        return list.isEmpty() ? List.of("application/json") : list;
    }
}
