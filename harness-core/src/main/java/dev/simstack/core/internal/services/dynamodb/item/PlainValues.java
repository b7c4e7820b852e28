package dev.simstack.core.internal.services.dynamodb.item;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB attribute values as plain Java values, and back: S is a {@code String}, N a {@code BigDecimal}
 * (as DynamoDB answers it: {@code 1.50} reads {@code 1.5}, {@code 100} reads {@code 100}), B a
 * {@code byte[]} (a copy), BOOL a {@code Boolean}, NULL {@code null}, L a {@code List}, M a {@code Map} (by
 * name), SS a {@code Set<String>}, NS a {@code Set<BigDecimal>} and BS a {@code Set<byte[]>}, each set in
 * the order its elements were written. What this answers is unmodifiable.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /** An item (or an M value's content) as a map by attribute name, in name order. */
    public static Map<String, Object> item(AttributeMap item) {
        Map<String, Object> values = new LinkedHashMap<>();
        item.forEach((name, value) -> values.put(name, value(value)));
        return Collections.unmodifiableMap(values);
    }

    /** One attribute value as a plain Java value. */
    public static Object value(AttributeValue value) {
        return switch (value.type()) {
            case S -> ((AttributeValue.S) value).value();
            case N -> number((AttributeValue.N) value);
            case B -> ((AttributeValue.B) value).bytes().clone();
            case BOOL -> ((AttributeValue.Bool) value).value();
            case NULL -> null;
            case L -> list(((AttributeValue.L) value).values());
            case M -> item(((AttributeValue.M) value).values());
            case SS, NS, BS -> set(((AttributeValue.SetValue) value).elements());
        };
    }

    private static BigDecimal number(AttributeValue.N number) {
        // Plain digits, as the wire carries them: 100, not the canonical 1E+2 that compares unequal to it.
        return new BigDecimal(Numbers.format(number.value()));
    }

    private static List<Object> list(List<AttributeValue> values) {
        List<Object> list = new ArrayList<>(values.size());
        values.forEach(value -> list.add(value(value)));
        return Collections.unmodifiableList(list);
    }

    private static Set<Object> set(List<AttributeValue> elements) {
        Set<Object> set = new LinkedHashSet<>();
        elements.forEach(element -> set.add(value(element)));
        return Collections.unmodifiableSet(set);
    }

    /** A map of plain Java values as an attribute map (an item or a key). */
    public static AttributeMap attributeMap(Map<String, ?> values) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name, attributeValue(value)));
        return AttributeMap.of(converted);
    }

    /**
     * A plain Java value as an attribute value: any {@code Number} is N, a {@code Collection} other than a
     * set is L, a set of strings, numbers or byte arrays SS, NS or BS.
     *
     * @throws IllegalArgumentException for a value of another type, or an empty or mixed set
     */
    public static AttributeValue attributeValue(Object value) {
        if (value == null) {
            return AttributeValue.Null.NULL;
        } else if (value instanceof String text) {
            return new AttributeValue.S(text);
        } else if (value instanceof Number number) {
            return new AttributeValue.N(decimal(number));
        } else if (value instanceof byte[] bytes) {
            return new AttributeValue.B(bytes.clone());
        } else if (value instanceof Boolean bool) {
            return AttributeValue.Bool.of(bool);
        } else if (value instanceof Set<?> set) {
            return setValue(set);
        } else if (value instanceof Collection<?> list) {
            List<AttributeValue> values = new ArrayList<>(list.size());
            list.forEach(element -> values.add(attributeValue(element)));
            return new AttributeValue.L(values);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> byName = new LinkedHashMap<>();
            map.forEach((name, element) -> byName.put(String.valueOf(name), element));
            return new AttributeValue.M(attributeMap(byName));
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " is not a DynamoDB value; use String,"
                + " a Number, byte[], Boolean, null, a List, a Map or a Set of strings, numbers or byte arrays");
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        } else if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (number instanceof Double || number instanceof Float) {
            return new BigDecimal(number.toString());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static AttributeValue setValue(Set<?> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("DynamoDB has no empty sets: leave the attribute out instead");
        }
        List<AttributeValue> elements = new ArrayList<>(set.size());
        AttributeValue.Type type = null;
        for (Object element : set) {
            AttributeValue converted = element == null ? null : attributeValue(element);
            if (converted == null || !converted.type().isScalarKeyType()
                    || type != null && converted.type() != type) {
                throw new IllegalArgumentException("a DynamoDB set holds only strings, only numbers or only byte"
                        + " arrays, not " + set);
            }
            type = converted.type();
            elements.add(converted);
        }
        AttributeValue.Type setType = type == AttributeValue.Type.S ? AttributeValue.Type.SS
                : type == AttributeValue.Type.N ? AttributeValue.Type.NS : AttributeValue.Type.BS;
        return new AttributeValue.SetValue(setType, elements);
    }
}
