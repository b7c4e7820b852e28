package dev.simstack.core.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.QueryShapes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns flat Query parameters ({@code Entry.2.MessageAttribute.1.Value.StringValue=x}) into the JSON
 * protocol's shape, following a service's {@link QueryShapes}.
 */
final class QueryInputReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final QueryShapes shapes;
    private final String operation;

    QueryInputReader(QueryShapes shapes, String operation) {
        this.shapes = shapes;
        this.operation = operation;
    }

    ObjectNode read(Map<String, String> params) {
        Raw root = new Raw();
        for (Map.Entry<String, String> param : params.entrySet()) {
            root.put(param.getKey(), param.getKey().split("\\.", -1), 0, param.getValue());
        }
        return convertStruct(root);
    }

    private ObjectNode convertStruct(Raw raw) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Raw> member : raw.children.entrySet()) {
            String name = member.getKey();
            Raw value = member.getValue();
            QueryShapes.Rule rule = shapes.input(operation, name);
            if (value.isEmptyValue()) {
                // botocore serialises an empty list or map as "Member=" under its member name.
                QueryShapes.Rule empty = rule != null ? rule : shapes.inputForMember(operation, name);
                if (empty != null) {
                    out.set(empty.name(), empty.kind() == QueryShapes.Kind.MAP ? NODES.objectNode() : NODES.arrayNode());
                    continue;
                }
            }
            if (rule != null && rule.kind() == QueryShapes.Kind.MAP) {
                out.set(rule.name(), convertMap(name, value, rule));
            } else if (rule != null || value.isIndexed()) {
                out.set(rule != null ? rule.name() : name, convertList(name, value));
            } else {
                out.set(name, convertValue(value));
            }
        }
        return out;
    }

    private JsonNode convertValue(Raw raw) {
        if (raw.children.isEmpty()) {
            return raw.text == null ? NODES.textNode("") : NODES.textNode(raw.text);
        }
        if (raw.text != null) {
            throw malformed("a parameter is both a value and a structure");
        }
        return raw.isIndexed() ? convertList("member", raw) : convertStruct(raw);
    }

    private ArrayNode convertList(String name, Raw raw) {
        Raw items = raw.children.size() == 1 && raw.children.containsKey("member") ? raw.children.get("member") : raw;
        ArrayNode list = NODES.arrayNode();
        for (Raw element : items.indexed(name).values()) {
            list.add(convertValue(element));
        }
        return list;
    }

    private ObjectNode convertMap(String name, Raw raw, QueryShapes.Rule rule) {
        ObjectNode map = NODES.objectNode();
        for (Raw entry : raw.indexed(name).values()) {
            Raw key = entry.children.get(rule.keyName());
            Raw value = entry.children.get(rule.valueName());
            if (key == null || key.text == null) {
                throw malformed(name + " entry is missing its " + rule.keyName());
            }
            map.set(key.text, value == null ? NODES.textNode("") : convertValue(value));
        }
        return map;
    }

    private static AwsException malformed(String why) {
        return new AwsException("MalformedQueryString", 400, "The query string is malformed: " + why + ".");
    }

    /** A parameter tree before it is given its JSON shape. */
    private static final class Raw {
        private final Map<String, Raw> children = new TreeMap<>(Raw::compareKeys);
        private String text;

        void put(String original, String[] path, int at, String value) {
            if (at == path.length) {
                if (text != null || !children.isEmpty()) {
                    throw malformed("parameter " + original + " is given twice or also as a structure");
                }
                text = value;
                return;
            }
            String segment = path[at];
            if (segment.isEmpty()) {
                throw malformed("parameter name " + original + " has an empty part");
            }
            children.computeIfAbsent(segment, s -> new Raw()).put(original, path, at + 1, value);
        }

        boolean isEmptyValue() {
            return children.isEmpty() && (text == null || text.isEmpty());
        }

        boolean isIndexed() {
            if (children.isEmpty()) {
                return false;
            }
            for (String key : children.keySet()) {
                if (!isIndex(key)) {
                    return false;
                }
            }
            return true;
        }

        TreeMap<Integer, Raw> indexed(String name) {
            TreeMap<Integer, Raw> items = new TreeMap<>();
            if (text != null && children.isEmpty()) {
                throw malformed(name + " must be given as " + name + ".N");
            }
            for (Map.Entry<String, Raw> child : children.entrySet()) {
                if (!isIndex(child.getKey())) {
                    throw malformed(name + "." + child.getKey() + " is not an indexed member (" + name + ".1, "
                            + name + ".2, ...)");
                }
                items.put(Integer.valueOf(child.getKey()), child.getValue());
            }
            return items;
        }

        private static boolean isIndex(String key) {
            if (key.isEmpty() || key.length() > 9 || key.charAt(0) == '0') {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                if (!Character.isDigit(key.charAt(i)) || key.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static int compareKeys(String a, String b) {
            if (isIndex(a) && isIndex(b)) {
                return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
            }
            return a.compareTo(b);
        }
    }

}
