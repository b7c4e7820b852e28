package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions over a template's values: Ref, Fn::GetAtt, Fn::Sub, Fn::Join,
 * Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, Fn::GetAZs, Fn::ImportValue (a CloudFormation stack's
 * imports), Fn::If (its condition from the template's Conditions; a branch of {@code Ref AWS::NoValue} removes
 * the property), and the pseudo parameters.
 */
final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)}");
    private static final String NO_VALUE = "AWS::NoValue";

    /** What a resource answers to Ref and Fn::GetAtt. */
    interface Lookup {
        /** The Ref value of a parameter, pseudo parameter or created resource; null if unknown. */
        String ref(String name);

        /** Attribute {@code attribute} of resource {@code logicalId}; throws if it has no such attribute. */
        String attribute(String logicalId, String attribute);

        /** The value another stack exported under {@code exportName}; null if none did. */
        default String importValue(String exportName) {
            return null;
        }

        /** The value of the template's condition {@code name}; throws if the template does not define it. */
        default boolean condition(String name) {
            throw new ResourceFileException("Template error: unresolved condition dependency " + name + " in Fn::If");
        }
    }

    private final Lookup lookup;
    private final JsonNode mappings;

    Intrinsics(Lookup lookup, JsonNode mappings) {
        this.lookup = lookup;
        this.mappings = mappings;
    }

    /** The logical ids {@code value} refers to (Ref, Fn::GetAtt, names in Fn::Sub). */
    static Set<String> references(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        collect(value, ids);
        return ids;
    }

    private static void collect(JsonNode value, Set<String> ids) {
        if (value.isObject() && value.size() == 1) {
            String function = value.fieldNames().next();
            JsonNode argument = value.get(function);
            if (function.equals("Ref") && argument.isTextual()) {
                ids.add(argument.textValue());
                return;
            }
            if (function.equals("Fn::GetAtt") && argument.isArray() && argument.size() > 0) {
                ids.add(argument.get(0).asText());
                return;
            }
            if (function.equals("Fn::Sub")) {
                String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
                Matcher matcher = SUB.matcher(text);
                while (matcher.find()) {
                    String name = matcher.group(1);
                    if (!name.startsWith("!")) {
                        int dot = name.indexOf('.');
                        ids.add(dot < 0 ? name : name.substring(0, dot));
                    }
                }
                if (argument.isArray() && argument.size() > 1) {
                    collect(argument.get(1), ids);
                }
                return;
            }
        }
        value.forEach(child -> collect(child, ids));
    }

    /** {@code value} with every intrinsic function evaluated; null when it is {@code Ref AWS::NoValue}. */
    JsonNode resolve(JsonNode value) {
        if (value.isObject()) {
            if (value.size() == 1) {
                String function = value.fieldNames().next();
                if (function.equals("Ref") || function.startsWith("Fn::") || function.equals("Condition")) {
                    return call(function, value.get(function));
                }
            }
            ObjectNode resolved = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode member = resolve(field.getValue());
                if (member != null) {
                    resolved.set(field.getKey(), member);
                }
            }
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (JsonNode element : value) {
                JsonNode member = resolve(element);
                if (member != null) {
                    resolved.add(member);
                }
            }
            return resolved;
        }
        return value;
    }

    /** {@code value} resolved to text (numbers and booleans as CloudFormation passes them on). */
    String text(JsonNode value, String what) {
        JsonNode resolved = resolve(value);
        if (resolved == null || resolved.isContainerNode()) {
            throw new ResourceFileException(what + " must be a string, got " + value);
        }
        return resolved.isNumber() ? resolved.decimalValue().stripTrailingZeros().toPlainString() : resolved.asText();
    }

    private JsonNode call(String function, JsonNode argument) {
        switch (function) {
            case "Ref": {
                String name = argument.asText();
                if (name.equals(NO_VALUE)) {
                    return null;
                }
                String value = lookup.ref(name);
                if (value == null) {
                    throw new ResourceFileException("Ref " + name + ": no parameter or resource of that name");
                }
                return NODES.textNode(value);
            }
            case "Fn::GetAtt": {
                JsonNode parts = resolve(argument);
                if (!parts.isArray() || parts.size() != 2) {
                    throw new ResourceFileException("Fn::GetAtt takes [LogicalId, Attribute], got " + argument);
                }
                return NODES.textNode(lookup.attribute(parts.get(0).asText(), parts.get(1).asText()));
            }
            case "Fn::Sub":
                return NODES.textNode(sub(argument));
            case "Fn::Join": {
                if (!argument.isArray() || argument.size() != 2) {
                    throw new ResourceFileException("Fn::Join takes [delimiter, [values]], got " + argument);
                }
                JsonNode values = resolve(argument.get(1));
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    joined.append(i == 0 ? "" : argument.get(0).asText()).append(values.get(i).asText());
                }
                return NODES.textNode(joined.toString());
            }
            case "Fn::Select": {
                JsonNode values = resolve(argument.path(1));
                int index = Integer.parseInt(text(argument.path(0), "Fn::Select's index"));
                if (!values.isArray() || index < 0 || index >= values.size()) {
                    throw new ResourceFileException("Fn::Select index " + index + " is out of " + values);
                }
                return values.get(index);
            }
            case "Fn::Split": {
                String delimiter = argument.path(0).asText();
                String source = text(argument.path(1), "Fn::Split's source");
                ArrayNode parts = NODES.arrayNode();
                for (String part : source.split(Pattern.quote(delimiter), -1)) {
                    parts.add(part);
                }
                return parts;
            }
            case "Fn::FindInMap": {
                JsonNode keys = resolve(argument);
                JsonNode found = mappings.path(keys.path(0).asText()).path(keys.path(1).asText())
                        .path(keys.path(2).asText());
                if (found.isMissingNode()) {
                    throw new ResourceFileException("Fn::FindInMap " + keys + ": no such entry in Mappings");
                }
                return found;
            }
            case "Fn::ImportValue": {
                String name = text(argument, "Fn::ImportValue's export name");
                String value = lookup.importValue(name);
                if (value == null) {
                    throw new ResourceFileException("No export named " + name + " found.");
                }
                return NODES.textNode(value);
            }
            case "Fn::If": {
                if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
                    throw new ResourceFileException("Template error: Fn::If requires a list argument with three "
                            + "elements: a condition name, the value if true, the value if false");
                }
                return resolve(lookup.condition(argument.get(0).textValue()) ? argument.get(1) : argument.get(2));
            }
            case "Condition":
                return NODES.booleanNode(lookup.condition(argument.asText()));
            case "Fn::Base64":
                return NODES.textNode(Base64.getEncoder().encodeToString(text(argument, "Fn::Base64's value")
                        .getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs": {
                String region = lookup.ref("AWS::Region");
                ArrayNode zones = NODES.arrayNode();
                for (String zone : new String[] {"a", "b", "c"}) {
                    zones.add(region + zone);
                }
                return zones;
            }
            default:
                throw new ResourceFileException(function + " is not supported by SimStack's templates (supported: "
                        + "Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, "
                        + "Fn::GetAZs, Fn::If, Fn::ImportValue in CloudFormation stacks)");
        }
    }

    private String sub(JsonNode argument) {
        String template = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() && argument.size() > 1 ? resolve(argument.get(1)) : NODES.objectNode();
        Matcher matcher = SUB.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.has(name)) {
                replacement = variables.get(name).asText();
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = lookup.attribute(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = lookup.ref(name);
                if (replacement == null) {
                    throw new ResourceFileException("Fn::Sub ${" + name + "}: no parameter or resource of that name");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
