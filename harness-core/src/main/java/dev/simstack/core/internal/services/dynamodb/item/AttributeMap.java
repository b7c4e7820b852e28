package dev.simstack.core.internal.services.dynamodb.item;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * An immutable map of attribute names to values: an item, or the content of an {@code M} value. Two
 * parallel arrays sorted by name, found by binary search, because a table holds many small items and a
 * {@code HashMap} per item would cost several times the item's bytes.
 */
public final class AttributeMap implements Iterable<Map.Entry<String, AttributeValue>> {

    public static final AttributeMap EMPTY = new AttributeMap(new String[0], new AttributeValue[0]);

    private final String[] names;
    private final AttributeValue[] values;

    private AttributeMap(String[] names, AttributeValue[] values) {
        this.names = names;
        this.values = values;
    }

    /** A map of {@code entries}, in any order. */
    public static AttributeMap of(Map<String, AttributeValue> entries) {
        String[] names = entries.keySet().toArray(new String[0]);
        Arrays.sort(names);
        AttributeValue[] values = new AttributeValue[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = entries.get(names[i]);
        }
        return new AttributeMap(names, values);
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** The value of {@code name}, or null. */
    public AttributeValue get(String name) {
        int index = Arrays.binarySearch(names, name);
        return index < 0 ? null : values[index];
    }

    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    public String nameAt(int index) {
        return names[index];
    }

    public AttributeValue valueAt(int index) {
        return values[index];
    }

    /** A copy with {@code name} set to {@code value}. */
    public AttributeMap with(String name, AttributeValue value) {
        int index = Arrays.binarySearch(names, name);
        if (index >= 0) {
            AttributeValue[] copy = values.clone();
            copy[index] = value;
            return new AttributeMap(names, copy);
        }
        int at = -index - 1;
        String[] newNames = new String[names.length + 1];
        AttributeValue[] newValues = new AttributeValue[names.length + 1];
        System.arraycopy(names, 0, newNames, 0, at);
        System.arraycopy(values, 0, newValues, 0, at);
        newNames[at] = name;
        newValues[at] = value;
        System.arraycopy(names, at, newNames, at + 1, names.length - at);
        System.arraycopy(values, at, newValues, at + 1, names.length - at);
        return new AttributeMap(newNames, newValues);
    }

    /** A copy without {@code name}. */
    public AttributeMap without(String name) {
        int index = Arrays.binarySearch(names, name);
        if (index < 0) {
            return this;
        }
        String[] newNames = new String[names.length - 1];
        AttributeValue[] newValues = new AttributeValue[names.length - 1];
        System.arraycopy(names, 0, newNames, 0, index);
        System.arraycopy(values, 0, newValues, 0, index);
        System.arraycopy(names, index + 1, newNames, index, names.length - index - 1);
        System.arraycopy(values, index + 1, newValues, index, names.length - index - 1);
        return new AttributeMap(newNames, newValues);
    }

    /**
     * A copy sharing its names array with other items: {@code pool} answers a canonical array equal to the
     * one given. Items of a table mostly have the same attributes, so one array serves them all.
     */
    public AttributeMap shareNames(UnaryOperator<String[]> pool) {
        String[] shared = pool.apply(names);
        return shared == names ? this : new AttributeMap(shared, values);
    }

    public void forEach(BiConsumer<String, AttributeValue> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** A mutable copy, in name order. */
    public LinkedHashMap<String, AttributeValue> toMap() {
        LinkedHashMap<String, AttributeValue> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    @Override
    public Iterator<Map.Entry<String, AttributeValue>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < names.length;
            }

            @Override
            public Map.Entry<String, AttributeValue> next() {
                if (next >= names.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return Map.entry(names[i], values[i]);
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeMap && Arrays.equals(names, ((AttributeMap) other).names)
                && Arrays.equals(values, ((AttributeMap) other).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
