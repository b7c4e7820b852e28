package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * GetModelTemplate: the Velocity mapping template API Gateway generates from a model's schema, which copies an
 * instance of the model field by field from {@code $input.path('$')}. Strings are quoted, numbers, integers and
 * booleans are not, objects recurse into their properties, arrays become a {@code #foreach} over their items;
 * references to the API's other models ({@code https://apigateway.amazonaws.com/restapis/ID/models/NAME}) and to
 * the schema's own {@code #/definitions} are followed, to a depth of eight.
 */
final class ModelTemplate {

    private static final int MAX_DEPTH = 8;

    private final Map<String, Model> models;
    private final String apiId;
    private final StringBuilder out = new StringBuilder("#set($inputRoot = $input.path('$'))\n");

    private ModelTemplate(Map<String, Model> models, String apiId) {
        this.models = models;
        this.apiId = apiId;
    }

    /** The template of {@code model} of {@code api}; a 400 for a model without a schema. */
    static String of(RestApi api, Model model) {
        if (model.schema() == null) {
            throw ControlPlane.badRequest("Model '" + model.name() + "' has no schema to generate a template from "
                    + "(give it one with UpdateModel)");
        }
        JsonNode schema = ModelSchemas.checked(model.schema());
        ModelTemplate template = new ModelTemplate(api.models(), api.id());
        template.value(schema, schema, "$inputRoot", "", 0);
        return template.out.append('\n').toString();
    }

    /** Writes the value at {@code path} as {@code schema} describes it, indented by {@code indent}. */
    private void value(JsonNode root, JsonNode schema, String path, String indent, int depth) {
        JsonNode resolved = resolve(root, schema);
        // another model's own #/definitions are relative to that model's schema
        boolean otherModel = resolved != schema && !schema.path("$ref").asText().startsWith("#/");
        JsonNode definitions = otherModel ? resolved : root;
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "");
        if (depth > MAX_DEPTH) {
            out.append('"').append(path).append('"');
            return;
        }
        switch (type) {
            case "object" -> object(definitions, resolved, path, indent, depth);
            case "array" -> array(definitions, resolved, path, indent, depth);
            case "number", "integer", "boolean" -> out.append(path);
            default -> out.append('"').append(path).append('"');
        }
    }

    private void object(JsonNode root, JsonNode schema, String path, String indent, int depth) {
        out.append("{");
        var properties = schema.path("properties").fields();
        boolean first = true;
        while (properties.hasNext()) {
            var property = properties.next();
            out.append(first ? "\n" : ",\n").append(indent).append("  \"").append(property.getKey()).append("\" : ");
            value(root, property.getValue(), path + "." + property.getKey(), indent + "  ", depth + 1);
            first = false;
        }
        out.append(first ? "}" : "\n" + indent + "}");
    }

    private void array(JsonNode root, JsonNode schema, String path, String indent, int depth) {
        String element = depth == 0 ? "$elem" : "$elem" + depth;
        out.append("[\n#foreach(").append(element).append(" in ").append(path).append(")\n").append(indent)
                .append(' ');
        value(root, schema.path("items"), element, indent + " ", depth + 1);
        out.append("#if($foreach.hasNext),#end\n#end\n").append(indent).append(']');
    }

    /** The schema a {@code $ref} names (another model of the API, or a definition of {@code root}), else itself. */
    private JsonNode resolve(JsonNode root, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        if (ref.startsWith("#/")) {
            return root.at(ref.substring(1));
        }
        String prefix = ModelSchemas.iri(apiId, "");
        Model other = ref.startsWith(prefix) ? models.get(ref.substring(prefix.length())) : null;
        return other == null || other.schema() == null ? schema : ModelSchemas.checked(other.schema());
    }
}
