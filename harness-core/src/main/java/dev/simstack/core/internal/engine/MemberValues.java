package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON tree nodes as the plain Java values the public API speaks: {@link String}, {@link java.math.BigDecimal}
 * for every number, {@link Boolean}, {@code byte[]} for binary nodes, unmodifiable {@link List}s and
 * {@link Map}s (in the document's order) and {@code null}. Each call makes new values, so a caller may keep
 * or change them without touching the tree.
 */
public final class MemberValues {

    /** A value with no plain form (an engine object carried in the tree, such as S3's spooled body). */
    static final Object OPAQUE = new Object();

    private MemberValues() {
    }

    /**
     * {@code node} as a plain value; {@code null} for a missing or null node. Engine objects carried in the tree
     * ({@link POJONode}s other than byte arrays) have no plain form and come back as {@link #OPAQUE}; inside a
     * list or map they are left out.
     */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> {
                Object value = of(element);
                if (value != OPAQUE) {
                    list.add(value);
                }
            });
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(member -> {
                Object value = of(member.getValue());
                if (value != OPAQUE) {
                    map.put(member.getKey(), value);
                }
            });
            return Collections.unmodifiableMap(map);
        }
        if (node instanceof POJONode pojo) {
            return pojo.getPojo() instanceof byte[] bytes ? bytes.clone() : OPAQUE;
        }
        if (node.isBinary()) {
            try {
                return node.binaryValue().clone();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return OPAQUE;
    }
}
