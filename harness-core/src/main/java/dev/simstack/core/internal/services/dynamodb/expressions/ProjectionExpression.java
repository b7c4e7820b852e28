package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code ProjectionExpression}: the document paths to return. Elements picked from a list come back as
 * a shorter list in index order, as DynamoDB returns them.
 */
public final class ProjectionExpression {

    private static final String KIND = "ProjectionExpression";

    private final List<DocumentPath> paths;

    public ProjectionExpression(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
    }

    public static ProjectionExpression parse(String text, ExpressionAttributes attributes) {
        Parser parser = new Parser(text, attributes);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(parser.nextPath());
        } while (parser.comma());
        parser.end();
        DocumentPath.checkDistinct(paths, KIND);
        return new ProjectionExpression(paths);
    }

    public List<DocumentPath> paths() {
        return paths;
    }

    /** The top-level attribute names the projection reads from. */
    public List<String> attributes() {
        List<String> names = new ArrayList<>();
        for (DocumentPath path : paths) {
            names.add(path.attribute());
        }
        return names;
    }

    public AttributeMap apply(AttributeMap item) {
        return project(item, paths);
    }

    /** The parts of {@code item} at {@code paths}, which must not overlap. */
    public static AttributeMap project(AttributeMap item, List<DocumentPath> paths) {
        Map<Object, Object> root = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            AttributeValue value = path.get(item);
            if (value != null) {
                insert(root, path.elements(), 0, value);
            }
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : root.entrySet()) {
            result.put((String) entry.getKey(), build(entry.getValue()));
        }
        return AttributeMap.of(result);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<Object, Object> container, List<Object> elements, int depth, AttributeValue value) {
        Object element = elements.get(depth);
        if (depth == elements.size() - 1) {
            container.put(element, value);
            return;
        }
        Object child = container.get(element);
        if (!(child instanceof Map)) {
            child = elements.get(depth + 1) instanceof Integer ? new TreeMap<>() : new LinkedHashMap<>();
            container.put(element, child);
        }
        insert((Map<Object, Object>) child, elements, depth + 1, value);
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue) {
            return (AttributeValue) node;
        }
        Map<Object, Object> map = (Map<Object, Object>) node;
        if (map instanceof TreeMap) {
            List<AttributeValue> list = new ArrayList<>();
            for (Object element : map.values()) {
                list.add(build(element));
            }
            return new AttributeValue.L(list);
        }
        Map<String, AttributeValue> members = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            members.put((String) entry.getKey(), build(entry.getValue()));
        }
        return new AttributeValue.M(AttributeMap.of(members));
    }

    private static final class Parser extends ExpressionParser {
        Parser(String text, ExpressionAttributes attributes) {
            super(KIND, text, attributes);
        }

        DocumentPath nextPath() {
            return path();
        }

        boolean comma() {
            return accept(Token.Kind.COMMA);
        }

        void end() {
            finish();
        }
    }
}
