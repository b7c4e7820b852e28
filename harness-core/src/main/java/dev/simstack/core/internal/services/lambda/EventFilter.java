package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lambda's event filtering ("Control which events Lambda sends to your function"): a pattern is a JSON
 * object whose leaves are arrays of what a field may be — exact values, or the rules {@code prefix},
 * {@code suffix}, {@code exists}, {@code anything-but} and {@code numeric}; a record passes when every
 * field of the pattern matches. Nested objects match nested fields (a stream record's
 * {@code dynamodb.NewImage.status.S}).
 */
final class EventFilter {

    private EventFilter() {
    }

    /** Whether {@code record} passes {@code patterns} (any one of them; every record when there are none). */
    static boolean passes(List<JsonNode> patterns, JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (JsonNode pattern : patterns) {
            if (matches(pattern, record)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            boolean ok = field.getValue().isObject() ? actual != null && actual.isObject()
                    && matches(field.getValue(), actual) : anyRule(field.getValue(), actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyRule(JsonNode rules, JsonNode actual) {
        for (JsonNode rule : rules) {
            if (rule.isObject() && rule.has("exists")) {
                if (rule.get("exists").asBoolean() == (actual != null)) {
                    return true;
                }
            } else if (actual != null && rule(rule, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean rule(JsonNode rule, JsonNode actual) {
        if (!rule.isObject()) {
            return rule.isNumber() && actual.isNumber() ? rule.decimalValue().compareTo(actual.decimalValue()) == 0
                    : rule.equals(actual);
        }
        String text = actual.asText();
        if (rule.has("prefix")) {
            return actual.isTextual() && text.startsWith(rule.get("prefix").asText());
        }
        if (rule.has("suffix")) {
            return actual.isTextual() && text.endsWith(rule.get("suffix").asText());
        }
        if (rule.has("anything-but")) {
            JsonNode excluded = rule.get("anything-but");
            for (JsonNode one : excluded.isArray() ? excluded : List.of(excluded)) {
                if (rule(one, actual)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("numeric")) {
            return numeric(rule.get("numeric"), actual);
        }
        return false;
    }

    /** {@code ["<", 10, ">=", 2]}: every comparison holds. */
    private static boolean numeric(JsonNode comparisons, JsonNode actual) {
        double number;
        try {
            number = actual.isNumber() ? actual.doubleValue() : Double.parseDouble(actual.asText());
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            double bound = comparisons.get(i + 1).asDouble();
            boolean holds = switch (comparisons.get(i).asText()) {
                case "<" -> number < bound;
                case "<=" -> number <= bound;
                case ">" -> number > bound;
                case ">=" -> number >= bound;
                case "=" -> number == bound;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
