package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Models' schemas: AWS's check of a schema when a model is created or updated, and a request body's
 * validation against the model a method names. Schemas are JSON Schema draft 4 and are read by the networknt
 * validator; a {@code $ref} to another model of the API
 * ({@code https://apigateway.amazonaws.com/restapis/ID/models/NAME}) is served from the API's own models, never
 * fetched.
 */
final class ModelSchemas {

    static final String REF_PREFIX = "https://apigateway.amazonaws.com/restapis/";
    static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The draft 4 keywords API Gateway takes; any other member of a schema object is refused. */
    private static final Set<String> KEYWORDS = Set.of("$schema", "id", "$ref", "title", "description", "default",
            "type", "properties", "patternProperties", "additionalProperties", "required", "items", "additionalItems",
            "enum", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
            "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf",
            "anyOf", "oneOf", "not", "definitions", "dependencies");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "items");
    private static final Set<String> SCHEMAS = Set.of("not", "items", "additionalProperties", "additionalItems");

    private ModelSchemas() {
    }

    /** The two models every new REST API has. */
    static Map<String, Model> defaults(ApiRegions ids) {
        Model empty = new Model(ids.newId(), "Empty", "This is a default empty schema model",
                "{\n  \"$schema\": \"" + DRAFT_4 + "\",\n  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}",
                "application/json");
        Model error = new Model(ids.newId(), "Error", "This is a default error schema model",
                "{\n  \"$schema\" : \"" + DRAFT_4 + "\",\n  \"title\" : \"Error Schema\",\n  \"type\" : \"object\",\n"
                        + "  \"properties\" : {\n    \"message\" : { \"type\" : \"string\" }\n  }\n}",
                "application/json");
        return Map.of(empty.name(), empty, error.name(), error);
    }

    /** The schema's JSON tree if API Gateway takes it; else AWS's 400 (every unsupported keyword named). */
    static JsonNode checked(String schema) {
        JsonNode tree;
        try {
            tree = JSON.readTree(schema);
        } catch (IOException e) {
            throw invalid("Invalid model schema specified");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("Invalid model schema specified");
        }
        Set<String> unsupported = new TreeSet<>();
        unsupported(tree, unsupported);
        if (!unsupported.isEmpty()) {
            throw invalid("Invalid model schema specified. Unsupported keyword(s): "
                    + unsupported.stream().map(k -> "\"" + k + "\"").toList());
        }
        try {
            Schema meta = registry(Map.of()).getSchema(com.networknt.schema.SchemaLocation.of(DRAFT_4));
            if (!meta.validate(tree).isEmpty()) {
                throw invalid("Invalid model schema specified");
            }
        } catch (SchemaException e) {
            throw invalid("Invalid model schema specified");
        }
        return tree;
    }

    /** True if {@code body} (JSON text; empty is {@code {}}) conforms to {@code model}, its refs read from {@code models}. */
    static boolean conforms(Model model, Map<String, Model> models, String apiId, byte[] body) {
        JsonNode instance;
        try {
            instance = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        Map<String, String> byIri = new java.util.HashMap<>();
        models.values().forEach(m -> byIri.put(iri(apiId, m.name()), m.schema()));
        try {
            Schema schema = registry(byIri).getSchema(JSON.readTree(model.schema()));
            return schema.validate(instance == null ? JSON.createObjectNode() : instance).isEmpty();
        } catch (IOException | SchemaException e) {
            return false;
        }
    }

    /** The IRI by which a schema refers to model {@code name} of API {@code apiId}. */
    static String iri(String apiId, String name) {
        return REF_PREFIX + apiId + "/models/" + name;
    }

    /** A registry reading draft 4 that resolves the given IRIs and loads nothing from the network. */
    private static SchemaRegistry registry(Map<String, String> schemas) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(schemas::get));
    }

    private static void unsupported(JsonNode schema, Set<String> found) {
        if (!schema.isObject()) {
            return;
        }
        schema.fields().forEachRemaining(member -> {
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (!KEYWORDS.contains(key)) {
                found.add(key);
            }
            if (SCHEMA_MAPS.contains(key)) {
                value.forEach(child -> unsupported(child, found));
            } else if (SCHEMA_LISTS.contains(key) && value.isArray()) {
                value.forEach(child -> unsupported(child, found));
            } else if (SCHEMAS.contains(key)) {
                unsupported(value, found);
            }
        });
    }

    private static RuntimeException invalid(String error) {
        return ControlPlane.badRequest("Invalid model specified: Validation Result: warnings : [], errors : ["
                + error + "]");
    }
}
