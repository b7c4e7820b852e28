package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.PlainValues;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the harness reads of one table, typed and without going through the wire: its exact item count and
 * its items as plain Java values ({@link PlainValues}), each read under the table's read lock, so a read
 * sees every write wholly or not at all. A view is taken per read.
 */
public final class TableView {

    private final Table table;

    TableView(Table table) {
        this.table = table;
    }

    /** The number of items now (not DescribeTable's figure, which AWS refreshes about every six hours). */
    public long itemCount() {
        table.lock().readLock().lock();
        try {
            return table.itemCount();
        } finally {
            table.lock().readLock().unlock();
        }
    }

    /** Every item at one instant, in the order a Scan returns them. */
    public List<Map<String, Object>> items() {
        List<AttributeMap> items;
        table.lock().readLock().lock();
        try {
            items = table.items();
        } finally {
            table.lock().readLock().unlock();
        }
        // Items are immutable: converting them after the lock is released reads the same instant.
        List<Map<String, Object>> plain = new ArrayList<>(items.size());
        items.forEach(item -> plain.add(PlainValues.item(item)));
        return List.copyOf(plain);
    }

    /**
     * The item with this key, given as plain values.
     *
     * @throws IllegalArgumentException when {@code key} is not exactly the table's key attributes with their
     *     types, naming them
     */
    public Optional<Map<String, Object>> item(Map<String, ?> key) {
        AttributeMap typed = checkedKey(key);
        AttributeMap item;
        table.lock().readLock().lock();
        try {
            item = table.get(typed);
        } finally {
            table.lock().readLock().unlock();
        }
        return Optional.ofNullable(item).map(PlainValues::item);
    }

    private AttributeMap checkedKey(Map<String, ?> key) {
        KeySchema keys = table.keys();
        AttributeMap typed;
        try {
            typed = PlainValues.attributeMap(key);
        } catch (IllegalArgumentException e) {
            throw wrongKey(key, e.getMessage());
        }
        boolean matches = typed.size() == (keys.hasRange() ? 2 : 1) && has(typed, keys.hashName(), keys.hashType())
                && (!keys.hasRange() || has(typed, keys.rangeName(), keys.rangeType()));
        if (!matches) {
            throw wrongKey(key, "give exactly its key attributes, with those types");
        }
        return typed;
    }

    private static boolean has(AttributeMap key, String name, AttributeValue.Type type) {
        AttributeValue value = key.get(name);
        return value != null && value.type() == type;
    }

    private IllegalArgumentException wrongKey(Map<String, ?> key, String fix) {
        KeySchema keys = table.keys();
        String schema = keys.hashName() + " (" + keys.hashType() + ", partition key)"
                + (keys.hasRange() ? " and " + keys.rangeName() + " (" + keys.rangeType() + ", sort key)" : "");
        return new IllegalArgumentException("the key " + key + " does not match table '" + table.name() + "' in "
                + table.region() + ", whose key is " + schema + ": " + fix + " (S a String, N a Number, B a byte[])");
    }
}
