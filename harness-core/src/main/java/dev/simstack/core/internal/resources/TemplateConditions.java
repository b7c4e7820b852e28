package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A template's {@code Conditions}, evaluated as CloudFormation does once the parameter values are known:
 * {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not} and {@code Condition} (another
 * condition), over values resolved by the template's intrinsics (parameters and pseudo parameters). Each
 * condition is evaluated once.
 */
final class TemplateConditions {

    private final JsonNode section;
    private final Function<JsonNode, JsonNode> resolver;
    private final Map<String, Boolean> values = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    /** @param resolver a value with its intrinsic functions resolved (Ref to parameters, Fn::Sub, ...) */
    TemplateConditions(JsonNode template, Function<JsonNode, JsonNode> resolver) {
        this.section = template.path("Conditions");
        this.resolver = resolver;
    }

    /**
     * The condition names a template uses and does not define, in its resources' and outputs' {@code Condition}
     * and in its {@code Conditions} section, and the names the section refers to that are no parameter (a resource
     * cannot be referred to there); empty when every name is defined.
     */
    static Set<String> undefined(JsonNode template) {
        JsonNode section = template.path("Conditions");
        Set<String> undefined = new TreeSet<>();
        for (String part : new String[] {"Resources", "Outputs"}) {
            template.path(part).forEach(entry -> {
                JsonNode name = entry.path("Condition");
                if (name.isTextual() && !section.has(name.textValue())) {
                    undefined.add(name.textValue());
                }
            });
        }
        section.forEach(condition -> conditionNames(condition, template, undefined));
        return undefined;
    }

    private static void conditionNames(JsonNode node, JsonNode template, Set<String> undefined) {
        if (node.isObject() && node.size() == 1 && node.has("Condition") && node.get("Condition").isTextual()) {
            if (!template.path("Conditions").has(node.get("Condition").textValue())) {
                undefined.add(node.get("Condition").textValue());
            }
            return;
        }
        if (node.isObject() && node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
            String name = node.get("Ref").textValue();
            if (!name.startsWith("AWS::") && !template.path("Parameters").has(name)) {
                undefined.add(name);
            }
            return;
        }
        node.forEach(child -> conditionNames(child, template, undefined));
    }

    /** The names of the conditions {@code Fn::If} uses and the template does not define. */
    static Set<String> undefinedInIf(JsonNode template) {
        Set<String> undefined = new TreeSet<>();
        collectIf(template.path("Resources"), template.path("Conditions"), undefined);
        collectIf(template.path("Outputs"), template.path("Conditions"), undefined);
        return undefined;
    }

    private static void collectIf(JsonNode node, JsonNode section, Set<String> undefined) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::If")) {
            JsonNode name = node.get("Fn::If").path(0);
            if (name.isTextual() && !section.has(name.textValue())) {
                undefined.add(name.textValue());
            }
        }
        node.forEach(child -> collectIf(child, section, undefined));
    }

    /** Whether the definition's {@code Condition} (a resource's or an output's) holds; true without one. */
    boolean includes(JsonNode definition) {
        JsonNode name = definition.path("Condition");
        return !name.isTextual() || holds(name.textValue());
    }

    /** The value of the named condition. */
    boolean holds(String name) {
        Boolean known = values.get(name);
        if (known != null) {
            return known;
        }
        if (!section.has(name)) {
            throw new ResourceFileException("Template format error: Unresolved dependencies [" + name
                    + "]. Cannot reference resources in the Conditions block of the template");
        }
        if (!evaluating.add(name)) {
            throw new ResourceFileException("Template format error: Circular dependency between conditions "
                    + evaluating);
        }
        boolean value = evaluate(section.get(name), name);
        evaluating.remove(name);
        values.put(name, value);
        return value;
    }

    private boolean evaluate(JsonNode expression, String name) {
        if (expression.isBoolean() || expression.isTextual() && Set.of("true", "false").contains(expression.asText())) {
            return expression.asBoolean();
        }
        if (!expression.isObject() || expression.size() != 1) {
            throw invalid(name, expression);
        }
        String function = expression.fieldNames().next();
        JsonNode argument = expression.get(function);
        switch (function) {
            case "Condition":
                return holds(argument.asText());
            case "Fn::Equals": {
                if (!argument.isArray() || argument.size() != 2) {
                    throw new ResourceFileException("Template error: every Fn::Equals object requires a list of 2 "
                            + "string parameters.");
                }
                return text(argument.get(0)).equals(text(argument.get(1)));
            }
            case "Fn::Not":
                if (!argument.isArray() || argument.size() != 1) {
                    throw new ResourceFileException("Template error: every Fn::Not object requires a list of 1 "
                            + "condition.");
                }
                return !evaluate(argument.get(0), name);
            case "Fn::And", "Fn::Or": {
                if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
                    throw new ResourceFileException("Template error: every " + function + " object requires a "
                            + "list of at least 2 and at most 10 boolean parameters.");
                }
                boolean and = function.equals("Fn::And");
                for (JsonNode operand : argument) {
                    if (evaluate(operand, name) != and) {
                        return !and;
                    }
                }
                return and;
            }
            default:
                throw invalid(name, expression);
        }
    }

    private String text(JsonNode value) {
        JsonNode resolved = resolver.apply(value);
        if (resolved == null || resolved.isContainerNode()) {
            return String.valueOf(resolved);
        }
        return resolved.isNumber() ? resolved.decimalValue().stripTrailingZeros().toPlainString() : resolved.asText();
    }

    private static ResourceFileException invalid(String name, JsonNode expression) {
        return new ResourceFileException("Template error: condition " + name + " must be Fn::Equals, Fn::And, "
                + "Fn::Or, Fn::Not or Condition, got " + expression);
    }
}
