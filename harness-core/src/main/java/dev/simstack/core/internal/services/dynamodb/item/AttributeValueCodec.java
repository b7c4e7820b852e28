package dev.simstack.core.internal.services.dynamodb.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads attribute values from their JSON wire form ({@code {"S": "x"}}, {@code {"N": "1"}}, ...) with
 * DynamoDB's validation, and writes them back. Numbers come back canonical, binaries as base64.
 */
public final class AttributeValueCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** DynamoDB supports documents nested up to 32 levels. */
    private static final int MAX_DEPTH = 32;

    private AttributeValueCodec() {
    }

    /** Reads an item (a map of attribute names to values). */
    public static AttributeMap readItem(JsonNode node) {
        return readMap(node, 0);
    }

    /** Reads one attribute value. */
    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    private static AttributeMap readMap(JsonNode node, int depth) {
        if (!node.isObject()) {
            throw Errors.serialization("Expected a map of attribute values, got " + kind(node) + ".");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            values.put(member.getKey(), read(member.getValue(), depth + 1));
        }
        return AttributeMap.of(values);
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw DynamoDbErrors.validation("Nesting Levels have exceeded supported limits");
        }
        if (!node.isObject()) {
            throw Errors.serialization("Expected an AttributeValue structure, got " + kind(node) + ".");
        }
        String type = null;
        JsonNode content = null;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (member.getValue().isNull() || !isTypeName(member.getKey())) {
                continue; // AWS's deserializer ignores unknown members and nulls
            }
            if (type != null) {
                throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, "
                        + "must contain exactly one of the supported datatypes");
            }
            type = member.getKey();
            content = member.getValue();
        }
        if (type == null) {
            throw DynamoDbErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        return decode(type, content, depth);
    }

    private static AttributeValue decode(String type, JsonNode content, int depth) {
        switch (type) {
            case "S":
                return new AttributeValue.S(text(content, type));
            case "N":
                return new AttributeValue.N(Numbers.parse(text(content, type)));
            case "B":
                return new AttributeValue.B(base64(text(content, type)));
            case "BOOL":
                return AttributeValue.Bool.of(bool(content, type));
            case "NULL":
                if (!bool(content, type)) {
                    throw DynamoDbErrors.invalidParameters("Null attribute value types must have the value of true");
                }
                return AttributeValue.Null.NULL;
            case "SS":
            case "NS":
            case "BS":
                return set(AttributeValue.Type.valueOf(type), content);
            case "L":
                List<AttributeValue> list = new ArrayList<>();
                for (JsonNode element : array(content, type)) {
                    list.add(read(element, depth + 1));
                }
                return new AttributeValue.L(list);
            default:
                return new AttributeValue.M(readMap(content, depth));
        }
    }

    private static AttributeValue set(AttributeValue.Type type, JsonNode content) {
        List<AttributeValue> elements = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array(content, type.name())) {
            String text = text(element, type.name());
            texts.add(text);
            if (type == AttributeValue.Type.SS) {
                elements.add(new AttributeValue.S(text));
            } else if (type == AttributeValue.Type.NS) {
                elements.add(new AttributeValue.N(Numbers.parse(text)));
            } else {
                elements.add(new AttributeValue.B(base64(text)));
            }
        }
        if (elements.isEmpty()) {
            // sic: AWS's wording, with its double space, differs for binary sets
            throw DynamoDbErrors.invalidParameters(type == AttributeValue.Type.SS ? "An string set  may not be empty"
                    : type == AttributeValue.Type.NS ? "An number set  may not be empty"
                    : "Binary sets should not be empty");
        }
        Set<AttributeValue> seen = new HashSet<>();
        for (AttributeValue element : elements) {
            if (!seen.add(element)) {
                throw DynamoDbErrors.invalidParameters("Input collection " + texts + " contains duplicates.");
            }
        }
        return new AttributeValue.SetValue(type, elements);
    }

    private static boolean isTypeName(String name) {
        switch (name) {
            case "S": case "N": case "B": case "BOOL": case "NULL": case "SS": case "NS": case "BS": case "L": case "M":
                return true;
            default:
                return false;
        }
    }

    private static String text(JsonNode node, String type) {
        if (!node.isTextual()) {
            throw Errors.serialization("Member " + type + " of an AttributeValue must be a string, got " + kind(node)
                    + ".");
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode node, String type) {
        if (!node.isBoolean()) {
            throw Errors.serialization("Member " + type + " of an AttributeValue must be a boolean, got " + kind(node)
                    + ".");
        }
        return node.booleanValue();
    }

    private static JsonNode array(JsonNode node, String type) {
        if (!node.isArray()) {
            throw Errors.serialization("Member " + type + " of an AttributeValue must be a list, got " + kind(node)
                    + ".");
        }
        return node;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Errors.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + text.length());
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }

    /** Writes an item as a JSON map of attribute values. */
    public static ObjectNode writeItem(AttributeMap item) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < item.size(); i++) {
            node.set(item.nameAt(i), write(item.valueAt(i)));
        }
        return node;
    }

    /** Writes one attribute value in its wire form. */
    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value.type()) {
            case S:
                node.put("S", ((AttributeValue.S) value).value());
                break;
            case N:
                node.put("N", Numbers.format(((AttributeValue.N) value).value()));
                break;
            case B:
                node.put("B", Base64.getEncoder().encodeToString(((AttributeValue.B) value).bytes()));
                break;
            case BOOL:
                node.put("BOOL", ((AttributeValue.Bool) value).value());
                break;
            case NULL:
                node.put("NULL", true);
                break;
            case SS:
            case NS:
            case BS:
                ArrayNode set = node.putArray(value.type().name());
                for (AttributeValue element : ((AttributeValue.SetValue) value).elements()) {
                    set.add(scalarText(element));
                }
                break;
            case L:
                ArrayNode list = node.putArray("L");
                for (AttributeValue element : ((AttributeValue.L) value).values()) {
                    list.add(write(element));
                }
                break;
            default:
                node.set("M", writeItem(((AttributeValue.M) value).values()));
        }
        return node;
    }

    /** The text of an S, N or B value as it appears inside a set or in messages. */
    public static String scalarText(AttributeValue value) {
        if (value instanceof AttributeValue.S) {
            return ((AttributeValue.S) value).value();
        }
        if (value instanceof AttributeValue.N) {
            return Numbers.format(((AttributeValue.N) value).value());
        }
        return Base64.getEncoder().encodeToString(((AttributeValue.B) value).bytes());
    }

    /** A number value, validated. */
    public static AttributeValue.N number(BigDecimal value) {
        return new AttributeValue.N(Numbers.validate(value));
    }
}
