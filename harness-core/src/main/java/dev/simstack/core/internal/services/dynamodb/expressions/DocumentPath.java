package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A document path ({@code a.b[2].c}) with its placeholders resolved: names are {@link String}s, list
 * indexes {@link Integer}s. Reads, writes and removes values inside immutable items.
 */
public record DocumentPath(List<Object> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
    }

    public static DocumentPath of(String attribute) {
        return new DocumentPath(List.of(attribute));
    }

    /** The top-level attribute the path starts at. */
    public String attribute() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path, or null if any step is missing or of the wrong type. */
    public AttributeValue get(AttributeMap item) {
        AttributeValue current = item.get(attribute());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    private static AttributeValue step(AttributeValue value, Object element) {
        if (element instanceof String) {
            return value instanceof AttributeValue.M ? ((AttributeValue.M) value).values().get((String) element) : null;
        }
        if (value instanceof AttributeValue.L) {
            List<AttributeValue> list = ((AttributeValue.L) value).values();
            int index = (Integer) element;
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    /**
     * A copy of {@code item} with {@code value} at this path. A list index past the end appends, as
     * DynamoDB does; a missing or mistyped parent is an error.
     */
    public AttributeMap set(AttributeMap item, AttributeValue value) {
        return (AttributeMap) write(item, 0, value, false);
    }

    /** A copy of {@code item} without the value at this path; a missing leaf is not an error. */
    public AttributeMap remove(AttributeMap item) {
        return (AttributeMap) write(item, 0, null, true);
    }

    private Object write(Object container, int depth, AttributeValue value, boolean remove) {
        Object element = elements.get(depth);
        boolean last = depth == elements.size() - 1;
        if (container instanceof AttributeMap) {
            AttributeMap map = (AttributeMap) container;
            if (!(element instanceof String)) {
                throw invalidForUpdate();
            }
            String name = (String) element;
            if (last) {
                return remove ? map.without(name) : map.with(name, value);
            }
            AttributeValue child = map.get(name);
            if (child == null) {
                throw invalidForUpdate();
            }
            return map.with(name, (AttributeValue) writeChild(child, depth + 1, value, remove));
        }
        List<AttributeValue> list = new ArrayList<>(((AttributeValue.L) container).values());
        if (!(element instanceof Integer)) {
            throw invalidForUpdate();
        }
        int index = (Integer) element;
        if (last) {
            if (remove) {
                if (index < list.size()) {
                    list.remove(index);
                }
            } else if (index >= list.size()) {
                list.add(value);
            } else {
                list.set(index, value);
            }
            return new AttributeValue.L(list);
        }
        if (index >= list.size()) {
            throw invalidForUpdate();
        }
        list.set(index, (AttributeValue) writeChild(list.get(index), depth + 1, value, remove));
        return new AttributeValue.L(list);
    }

    private Object writeChild(AttributeValue child, int depth, AttributeValue value, boolean remove) {
        if (child instanceof AttributeValue.M) {
            AttributeMap members = ((AttributeValue.M) child).values();
            return new AttributeValue.M((AttributeMap) write(members, depth, value, remove));
        }
        if (child instanceof AttributeValue.L) {
            return write(child, depth, value, remove);
        }
        throw invalidForUpdate();
    }

    private static RuntimeException invalidForUpdate() {
        return DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
    }

    /** True if one path is a prefix of the other (or they are equal). */
    public boolean overlaps(DocumentPath other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    /** True if the paths part where one steps into a map and the other into a list. */
    public boolean conflicts(DocumentPath other) {
        int common = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < common; i++) {
            Object a = elements.get(i);
            Object b = other.elements.get(i);
            if (!a.equals(b)) {
                return a.getClass() != b.getClass();
            }
        }
        return false;
    }

    /** The path as AWS prints it in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object element = elements.get(i);
            out.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return out.append(']').toString();
    }

    /** Fails as AWS does when two paths of one expression overlap or conflict. */
    static void checkDistinct(List<DocumentPath> paths, String expressionKind) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                DocumentPath one = paths.get(i);
                DocumentPath two = paths.get(j);
                if (one.overlaps(two)) {
                    throw DynamoDbErrors.validation("Invalid " + expressionKind + ": Two document paths overlap with "
                            + "each other; must remove or rewrite one of these paths; path one: " + one
                            + ", path two: " + two);
                }
                if (one.conflicts(two)) {
                    throw DynamoDbErrors.validation("Invalid " + expressionKind + ": Two document paths conflict with "
                            + "each other; must remove or rewrite one of these paths; path one: " + one
                            + ", path two: " + two);
                }
            }
        }
    }
}
