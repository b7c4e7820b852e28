package dev.simstack.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ways the fuzzer breaks a valid request: a JSON member deleted, retyped or blown up; a Query parameter
 * dropped, its key or index mangled, its percent-encoding broken, its value blown up; the body cut at a byte.
 * Each mutation is a small value jqwik generates and shrinks; {@code at} picks the member or parameter modulo
 * how many there are.
 */
final class Mangling {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MIN_OVERSIZE = 300 * 1024;
    static final int MAX_OVERSIZE = 2 * 1024 * 1024;

    private Mangling() {
    }

    enum JsonKind { DELETE, TO_STRING, TO_NUMBER, TO_OBJECT, TO_ARRAY, TO_NULL, TO_BOOLEAN, OVERSIZE }

    record JsonMutation(JsonKind kind, int at, int variant) {
    }

    enum QueryKind { DROP, BAD_INDEX, MANGLE_KEY, DUPLICATE, BAD_PERCENT, EMPTY_VALUE, NO_EQUALS, OVERSIZE, RANDOM_PARAM }

    record QueryMutation(QueryKind kind, int at, int variant) {
    }

    // ---- JSON ----------------------------------------------------------------------------------------------

    /** A place in a JSON tree that holds a value: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    static void apply(ObjectNode root, List<JsonMutation> mutations) {
        for (JsonMutation mutation : mutations) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                if (mutation.kind() == JsonKind.DELETE) {
                    continue;
                }
                root.set("Fuzz" + mutation.variant(), value(mutation));
                continue;
            }
            Slot slot = slots.get(Math.floorMod(mutation.at(), slots.size()));
            if (mutation.kind() == JsonKind.DELETE) {
                slot.remove();
            } else {
                slot.set(value(mutation));
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode value(JsonMutation mutation) {
        int v = Math.abs(mutation.variant());
        return switch (mutation.kind()) {
            case TO_STRING -> NODES.textNode(List.of("", "x", "\u0000\uffff", "\ud83d\udca5 ünï", "-1", "1e309",
                    "AmazonSQS.SendMessage", "http://127.0.0.1:1/000000000000/nope", " ").get(v % 9));
            case TO_NUMBER -> switch (v % 7) {
                case 0 -> NODES.numberNode(0);
                case 1 -> NODES.numberNode(-1);
                case 2 -> NODES.numberNode(2147483648L);
                case 3 -> NODES.numberNode(new BigInteger("99999999999999999999999999"));
                case 4 -> NODES.numberNode(1.5);
                case 5 -> NODES.numberNode(new BigDecimal("1e400"));
                default -> NODES.numberNode(43201);
            };
            case TO_OBJECT -> v % 2 == 0 ? NODES.objectNode()
                    : NODES.objectNode().put("DataType", "String").set("x", NODES.arrayNode().add(1));
            case TO_ARRAY -> v % 2 == 0 ? NODES.arrayNode()
                    : NODES.arrayNode().add(1).add("x").addNull().add(NODES.objectNode());
            case TO_NULL -> NODES.nullNode();
            case TO_BOOLEAN -> NODES.booleanNode(v % 2 == 0);
            case OVERSIZE -> NODES.textNode(oversized(v));
            case DELETE -> throw new IllegalStateException("a delete has no value");
        };
    }

    /** A string of 300 KiB to 2 MiB (characters; a third of them are two UTF-8 bytes each). */
    static String oversized(int variant) {
        int size = MIN_OVERSIZE + Math.floorMod(variant, MAX_OVERSIZE - MIN_OVERSIZE);
        char[] chars = new char[size];
        Arrays.fill(chars, 'a');
        for (int i = 0; i < size; i += 3) {
            chars[i] = 'é';
        }
        return new String(chars);
    }

    // ---- Query ---------------------------------------------------------------------------------------------

    /** Encodes the parameters as a form body after applying the mutations to the encoded pairs. */
    static String form(List<String[]> params, List<QueryMutation> mutations) {
        List<String[]> encoded = new ArrayList<>();
        for (String[] p : params) {
            encoded.add(new String[] {encode(p[0]), encode(p[1])});
        }
        for (QueryMutation mutation : mutations) {
            if (encoded.isEmpty()) {
                encoded.add(new String[] {"Fuzz", "x"});
                continue;
            }
            int at = Math.floorMod(mutation.at(), encoded.size());
            int v = Math.abs(mutation.variant());
            String[] pair = encoded.get(at);
            if (pair[1] == null) {
                pair[1] = "";
            }
            switch (mutation.kind()) {
                case DROP -> encoded.remove(at);
                case BAD_INDEX -> pair[0] = badIndex(pair[0], v);
                case MANGLE_KEY -> pair[0] = mangleKey(pair[0], v);
                case DUPLICATE -> encoded.add(at, new String[] {pair[0], v % 2 == 0 ? "" : "other"});
                case BAD_PERCENT -> {
                    String bad = List.of("%", "%G1", "%zz", "%E2%82", "%00", "%u00e9", "%2", "%C0%AF", "%FF%FE")
                            .get(v % 9);
                    int i = v % (pair[1].length() + 1);
                    if (v % 3 == 0) {
                        pair[0] = pair[0] + bad;
                    } else {
                        pair[1] = pair[1].substring(0, i) + bad + pair[1].substring(i);
                    }
                }
                case EMPTY_VALUE -> pair[1] = "";
                case NO_EQUALS -> pair[1] = null;
                case OVERSIZE -> pair[1] = encode(oversized(v));
                case RANDOM_PARAM -> encoded.add(at, new String[] {List.of("Attribute.1.Name", "Tag", "Entry.1",
                        "MessageAttribute.1.Value.StringListValue.1", "AttributeName", "Foo.Bar.Baz", "=", "&",
                        "QueueUrl").get(v % 9), "x"});
                default -> throw new IllegalStateException();
            }
        }
        StringBuilder body = new StringBuilder();
        for (String[] pair : encoded) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pair[0]);
            if (pair[1] != null) {
                body.append('=').append(pair[1]);
            }
        }
        return body.toString();
    }

    private static String badIndex(String key, int v) {
        String replacement = List.of("0", "-1", "01", "999999999", "2147483648", "", "x", "1.5", "+1", "1e3").get(v % 10);
        String[] parts = key.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit)) {
                parts[i] = replacement;
                return String.join(".", parts);
            }
        }
        return key + "." + replacement;
    }

    private static String mangleKey(String key, int v) {
        return switch (v % 8) {
            case 0 -> key + ".";
            case 1 -> "." + key;
            case 2 -> key.replaceFirst("\\.", "..");
            case 3 -> key.toLowerCase();
            case 4 -> key + ".Extra";
            case 5 -> key + ".1";
            case 6 -> "";
            default -> key.substring(0, Math.max(0, key.length() - 1 - v % 5));
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Cuts {@code bytes} at {@code cut} (modulo its length), or keeps them whole for a null cut. */
    static byte[] truncate(byte[] bytes, Integer cut) {
        if (cut == null || bytes.length == 0) {
            return bytes;
        }
        return Arrays.copyOf(bytes, Math.floorMod(cut, bytes.length));
    }
}
