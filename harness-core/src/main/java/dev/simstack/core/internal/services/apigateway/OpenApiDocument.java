package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenAPI 3.0 or Swagger 2.0 definition as ImportRestApi and PutRestApi take it (JSON or YAML): its version,
 * where its schemas live, local {@code $ref}s resolved, and the API Gateway extensions it uses checked against
 * those SimStack imports (any other {@code x-amazon-apigateway-*} is refused by name rather than dropped).
 */
final class OpenApiDocument {

    /** The extensions SimStack builds the API from; the version marker is read and ignored, as AWS does. */
    static final Set<String> IMPORTED = Set.of("x-amazon-apigateway-integration",
            "x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator",
            "x-amazon-apigateway-api-key-source", "x-amazon-apigateway-any-method",
            "x-amazon-apigateway-importexport-version", OpenApiAuthorizers.AUTHORIZER, OpenApiAuthorizers.AUTH_TYPE);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;
    private final boolean swagger;

    private OpenApiDocument(JsonNode root, boolean swagger) {
        this.root = root;
        this.swagger = swagger;
    }

    /** Reads {@code body}; AWS's 400 when it is no OpenAPI 3.0 or Swagger 2.0 definition. */
    static OpenApiDocument read(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : YAML.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: the body is neither JSON nor YAML ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: the body must be an OpenAPI 3.0 or Swagger 2.0 "
                    + "definition (a JSON or YAML object)");
        }
        boolean swagger = root.path("swagger").asText().startsWith("2.");
        if (!swagger && !root.path("openapi").asText().startsWith("3.0")) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: SimStack imports OpenAPI 3.0 ('openapi: 3.0.x') "
                    + "and Swagger 2.0 ('swagger: \"2.0\"') definitions; got "
                    + (root.has("openapi") ? "openapi " + root.path("openapi").asText() : "no version"));
        }
        OpenApiDocument document = new OpenApiDocument(root, swagger);
        document.refuseUnsupportedExtensions();
        return document;
    }

    JsonNode root() {
        return root;
    }

    boolean swagger() {
        return swagger;
    }

    /** The prefix of a local reference to a schema: {@code #/components/schemas/} or {@code #/definitions/}. */
    String schemaRefPrefix() {
        return swagger ? "#/definitions/" : "#/components/schemas/";
    }

    /** The named schemas ({@code components/schemas} or {@code definitions}). */
    JsonNode schemas() {
        return swagger ? root.path("definitions") : root.path("components").path("schemas");
    }

    /** The security schemes ({@code components/securitySchemes} or {@code securityDefinitions}). */
    JsonNode securitySchemes() {
        return swagger ? root.path("securityDefinitions") : root.path("components").path("securitySchemes");
    }

    /** {@code node}, or the node its local {@code $ref} points at (AWS imports local references only). */
    JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null || ref.startsWith(schemaRefPrefix())) {
            return node;
        }
        if (!ref.startsWith("#/")) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: only local references (#/...) are imported; got "
                    + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw ControlPlane.badRequest("Invalid OpenAPI input: reference " + ref + " points at nothing");
        }
        return resolve(target);
    }

    /** The model a schema reference names, or null for an inline schema. */
    String modelName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref != null && ref.startsWith(schemaRefPrefix()) ? ref.substring(schemaRefPrefix().length()) : null;
    }

    /** A copy of {@code schema} with its references to the definition's schemas made references to models. */
    JsonNode modelSchema(JsonNode schema, String apiId) {
        JsonNode copy = schema.deepCopy();
        rewriteRefs(copy, apiId);
        if (copy.isObject() && !copy.has("$schema")) {
            ObjectNode ordered = ((ObjectNode) copy).objectNode().put("$schema", ModelSchemas.DRAFT_4);
            ordered.setAll((ObjectNode) copy);
            return ordered;
        }
        return copy;
    }

    private void rewriteRefs(JsonNode node, String apiId) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String name = modelName(object);
            if (name != null) {
                object.put("$ref", ModelSchemas.iri(apiId, name));
            }
            object.forEach(child -> rewriteRefs(child, apiId));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, apiId));
        }
    }

    private void refuseUnsupportedExtensions() {
        Set<String> found = new TreeSet<>();
        collect(root, found);
        found.removeAll(IMPORTED);
        if (!found.isEmpty()) {
            throw ControlPlane.badRequest("SimStack does not import " + String.join(", ", found)
                    + ": remove them from the definition (or configure those parts through the control plane). "
                    + "It imports " + new TreeSet<>(IMPORTED));
        }
    }

    private static void collect(JsonNode node, Set<String> found) {
        node.fields().forEachRemaining(member -> {
            if (member.getKey().startsWith("x-amazon-apigateway-")) {
                found.add(member.getKey());
            }
            if (!member.getKey().equals("x-amazon-apigateway-integration")) {
                collect(member.getValue(), found);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }
}
