package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a YAML (or JSON) file into a JSON tree. CloudFormation's short-form tags become their long form
 * as CloudFormation itself reads them: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}, any other {@code !Name v} is {@code {"Fn::Name": v}}.
 */
final class YamlDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlDocument() {
    }

    static JsonNode read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ResourceFileException(file + " is empty");
            }
            return value(parser, first);
        } catch (IOException e) {
            throw new ResourceFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A template given as text (CloudFormation's TemplateBody).
     *
     * @throws IOException when it is neither JSON nor YAML; the message says where
     */
    static JsonNode parse(String text) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("the template is empty");
            }
            return value(parser, first);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        Object typeId = parser.getTypeId();
        String tag = typeId == null ? null : typeId.toString();
        JsonNode plain = switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new ResourceFileException("unexpected " + token + " at " + parser.currentLocation());
        };
        return tag == null || tag.startsWith("tag:yaml.org") ? plain : intrinsic(tag, plain);
    }

    /** YAML numbers in decimal notation as numbers; octal, hex and the like stay text, as written. */
    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(new java.math.BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    private static JsonNode intrinsic(String tag, JsonNode value) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode function = NODES.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            function.set(name, value);
        } else if (name.equals("GetAtt") && value.isTextual()) {
            String text = value.textValue();
            int dot = text.indexOf('.');
            ArrayNode parts = function.putArray("Fn::GetAtt");
            parts.add(dot < 0 ? text : text.substring(0, dot));
            parts.add(dot < 0 ? "" : text.substring(dot + 1));
        } else {
            function.set("Fn::" + name, value);
        }
        return function;
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            object.set(name, value(parser, parser.nextToken()));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new ResourceFileException("unexpected " + token + " at " + parser.currentLocation());
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ResourceFileException("unterminated list at " + parser.currentLocation());
            }
            array.add(value(parser, token));
        }
        return array;
    }
}
