package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.Errors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a decoded input (the JSON protocol's shape). Values from the Query protocol arrive as
 * strings, so numbers and booleans are also read from their text. A member of the wrong type fails
 * with {@code SerializationException}, as AWS's JSON front door does; a missing required one with
 * {@code MissingParameter}.
 */
public final class Input {

    private static final Input EMPTY = new Input(null);

    private final JsonNode node;

    public Input(JsonNode node) {
        this.node = node;
    }

    /** The underlying node, or null. */
    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        return node != null && node.hasNonNull(name);
    }

    /** Names of the members present, in order. */
    public List<String> names() {
        if (node == null || !node.isObject()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public String string(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(name, "a string", value);
        }
        return value.textValue();
    }

    public String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw Errors.missingParameter(name);
        }
        return value;
    }

    /** An integer member; text that is not an integer fails with InvalidParameterValue. */
    public Integer integer(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.valueOf(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw Errors.invalidParameterValue(
                        "Value " + value.textValue() + " for parameter " + name + " is invalid. Reason: must be an integer.");
            }
        }
        throw typeError(name, "an integer", value);
    }

    public Boolean bool(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.valueOf(value.textValue());
        }
        throw typeError(name, "a boolean", value);
    }

    /** A blob member: base64 text in both protocols. */
    public byte[] blob(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Errors.serialization("Value for " + name + " is not valid base64.");
        }
    }

    public List<String> stringList(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw typeError(name, "a list", value);
        }
        List<String> list = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw typeError(name + " element", "a string", element);
            }
            list.add(element.textValue());
        }
        return list;
    }

    public Map<String, String> stringMap(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Collections.emptyMap();
        }
        if (!value.isObject()) {
            throw typeError(name, "a map", value);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw typeError(name + "." + entry.getKey(), "a string", entry.getValue());
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    public Input object(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return EMPTY;
        }
        if (!value.isObject()) {
            throw typeError(name, "a structure", value);
        }
        return new Input(value);
    }

    public List<Input> objectList(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw typeError(name, "a list", value);
        }
        List<Input> list = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw typeError(name + " element", "a structure", element);
            }
            list.add(new Input(element));
        }
        return list;
    }

    public Map<String, Input> objectMap(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Collections.emptyMap();
        }
        if (!value.isObject()) {
            throw typeError(name, "a map", value);
        }
        Map<String, Input> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isObject()) {
                throw typeError(name + "." + entry.getKey(), "a structure", entry.getValue());
            }
            map.put(entry.getKey(), new Input(entry.getValue()));
        }
        return map;
    }

    private JsonNode member(String name) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static RuntimeException typeError(String name, String expected, JsonNode actual) {
        return Errors.serialization("Member " + name + " must be " + expected + ", got " + actual.getNodeType()
                .name().toLowerCase() + ".");
    }

    /** An input over an empty object. */
    public static Input of(ObjectNode node) {
        return new Input(node);
    }
}
