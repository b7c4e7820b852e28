package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ValueOrder;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A table's items by primary key. Partitions are ordered by partition key so that a Scan resumes from
 * its {@code ExclusiveStartKey} exactly; a table without a sort key maps each partition key straight to
 * its item, with no per-partition map, to keep large tables small. Not thread-safe: {@link Table} locks.
 */
final class PrimaryIndex {

    private static final SortRange<AttributeValue> RANGE = new SortRange<>(ValueOrder.KEYS, v -> v, v -> v, k -> k);

    private final KeySchema keys;
    private final TreeMap<AttributeValue, Object> partitions = new TreeMap<>(ValueOrder.KEYS);

    PrimaryIndex(KeySchema keys) {
        this.keys = keys;
    }

    AttributeMap get(AttributeMap key) {
        Object partition = partitions.get(keys.hash(key));
        if (partition == null || !keys.hasRange()) {
            return (AttributeMap) partition;
        }
        return sorted(partition).get(keys.range(key));
    }

    /** Stores {@code item}; answers the item it replaced, or null. */
    AttributeMap put(AttributeMap item) {
        AttributeValue hash = keys.hash(item);
        if (!keys.hasRange()) {
            return (AttributeMap) partitions.put(hash, item);
        }
        Object partition = partitions.get(hash);
        if (partition == null) {
            partition = new TreeMap<AttributeValue, AttributeMap>(ValueOrder.KEYS);
            partitions.put(hash, partition);
        }
        return sorted(partition).put(keys.range(item), item);
    }

    /** Removes the item of {@code key}; answers it, or null. */
    AttributeMap remove(AttributeMap key) {
        AttributeValue hash = keys.hash(key);
        if (!keys.hasRange()) {
            return (AttributeMap) partitions.remove(hash);
        }
        Object partition = partitions.get(hash);
        if (partition == null) {
            return null;
        }
        NavigableMap<AttributeValue, AttributeMap> items = sorted(partition);
        AttributeMap removed = items.remove(keys.range(key));
        if (items.isEmpty()) {
            partitions.remove(hash);
        }
        return removed;
    }

    /** The items of one partition that meet the sort key condition, in order, after {@code start}'s key. */
    Iterator<AttributeMap> query(KeyCondition condition, boolean forward, AttributeMap start) {
        Object partition = partitions.get(condition.partition());
        if (partition == null) {
            return Collections.emptyIterator();
        }
        if (!keys.hasRange()) {
            return start == null ? Collections.singleton((AttributeMap) partition).iterator()
                    : Collections.emptyIterator();
        }
        return RANGE.iterate(sorted(partition), condition.sort(), forward, start == null ? null : keys.range(start));
    }

    /** Every item in key order, after {@code start}'s key. */
    Iterator<AttributeMap> scan(AttributeMap start) {
        NavigableMap<AttributeValue, Object> from = start == null ? partitions
                : partitions.tailMap(keys.hash(start), !keys.hasRange() ? false : true);
        AttributeValue startRange = start == null ? null : keys.range(start);
        AttributeValue startHash = start == null ? null : keys.hash(start);
        Iterator<Map.Entry<AttributeValue, Object>> outer = from.entrySet().iterator();
        return new Iterator<>() {
            private Iterator<AttributeMap> inner = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!inner.hasNext() && outer.hasNext()) {
                    Map.Entry<AttributeValue, Object> entry = outer.next();
                    if (!keys.hasRange()) {
                        inner = Collections.singleton((AttributeMap) entry.getValue()).iterator();
                    } else if (startRange != null && entry.getKey().equals(startHash)) {
                        inner = sorted(entry.getValue()).tailMap(startRange, false).values().iterator();
                    } else {
                        inner = sorted(entry.getValue()).values().iterator();
                    }
                }
                return inner.hasNext();
            }

            @Override
            public AttributeMap next() {
                hasNext();
                return inner.next();
            }
        };
    }

    /** The number of partitions; each is one partition key value. */
    int partitionCount() {
        return partitions.size();
    }

    @SuppressWarnings("unchecked")
    private static NavigableMap<AttributeValue, AttributeMap> sorted(Object partition) {
        return (NavigableMap<AttributeValue, AttributeMap>) partition;
    }
}
