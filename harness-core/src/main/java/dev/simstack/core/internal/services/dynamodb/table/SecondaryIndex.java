package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.item.ValueOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A global or local secondary index, kept in step with every write. It holds references to the table's
 * items (projection applies when reading), so an index costs a map entry per item, not a copy. Items
 * without the index's key attributes are not in it: indexes are sparse. Entries with equal index keys
 * are ordered by the table's key, which makes pagination exact.
 */
public final class SecondaryIndex {

    /** Orders partition keys (tuples of the HASH attributes' values) element by element. */
    private static final Comparator<List<AttributeValue>> TUPLES = SecondaryIndex::compareTuples;

    private final IndexDefinition definition;
    private final KeySchema tableKeys;
    private final TreeMap<List<AttributeValue>, TreeMap<EntryKey, AttributeMap>> partitions = new TreeMap<>(TUPLES);
    private volatile String status = "ACTIVE";
    private int itemCount;
    private long sizeBytes;

    SecondaryIndex(IndexDefinition definition, KeySchema tableKeys) {
        this.definition = definition;
        this.tableKeys = tableKeys;
    }

    public IndexDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public KeySchema keys() {
        return definition.keys();
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    public int itemCount() {
        return itemCount;
    }

    /** Bytes of the indexed items by the item size formula (of whole items: projection applies on read). */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Checks the index key attributes an item carries, as DynamoDB checks them on every write. */
    void checkItem(AttributeMap item) {
        for (KeySchema.Element element : keys().hashAttributes()) {
            checkAttribute(item, element.name(), element.type(), 2048);
        }
        for (KeySchema.Element element : keys().rangeAttributes()) {
            checkAttribute(item, element.name(), element.type(), 1024);
        }
    }

    private void checkAttribute(AttributeMap item, String name, AttributeValue.Type type, long max) {
        AttributeValue value = item.get(name);
        if (value == null || tableKeys.isKeyAttribute(name)) {
            return;
        }
        if (value.type() != type) {
            throw DynamoDbErrors.invalidParameters("Type mismatch for Index Key " + name + " Expected: " + type
                    + " Actual: " + value.type() + " IndexName: " + name());
        }
        // index keys have the table's key size limits: 2048 bytes for a partition key, 1024 for a sort key
        long size = ItemSize.of(value);
        if (size > max) {
            throw DynamoDbErrors.invalidParameters("Size limit exceeded for Index Key " + name + " Actual Size: "
                    + size + " bytes Max Size: " + max + " bytes IndexName: " + name());
        }
        if (value instanceof AttributeValue.S && ((AttributeValue.S) value).value().isEmpty()
                || value instanceof AttributeValue.B && ((AttributeValue.B) value).bytes().length == 0) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
                    + name() + ", IndexKey: " + name);
        }
    }

    /** Moves the index entry of an item from {@code before} to {@code after}; either may be null. */
    void update(AttributeMap before, AttributeMap after) {
        if (before != null && covers(before)) {
            TreeMap<EntryKey, AttributeMap> partition = partitions.get(keys().partition(before));
            if (partition != null && partition.remove(entryKey(before)) != null) {
                itemCount--;
                sizeBytes -= ItemSize.of(before);
                if (partition.isEmpty()) {
                    partitions.remove(keys().partition(before));
                }
            }
        }
        if (after != null && covers(after)) {
            partitions.computeIfAbsent(keys().partition(after), k -> new TreeMap<>(EntryKey.ORDER))
                    .put(entryKey(after), after);
            itemCount++;
            sizeBytes += ItemSize.of(after);
        }
    }

    /** True if {@code item} has every index key attribute, so the index holds it. */
    public boolean covers(AttributeMap item) {
        return keys().presentIn(item);
    }

    /**
     * The entry this index holds for {@code item}: the table's and the index's key attributes and what the
     * projection keeps (everything for ALL). Reads of the index and index writes are charged by its size.
     */
    public AttributeMap project(AttributeMap item) {
        if (definition.projectionType().equals("ALL")) {
            return item;
        }
        Map<String, AttributeValue> kept = new LinkedHashMap<>();
        keep(item, tableKeys, kept);
        keep(item, keys(), kept);
        for (String name : definition.nonKeyAttributes()) {
            AttributeValue value = item.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return AttributeMap.of(kept);
    }

    /** True if both items are in the index under the same index key (an update that does not move the entry). */
    public boolean sameIndexKey(AttributeMap before, AttributeMap after) {
        return keys().partition(before).equals(keys().partition(after))
                && keys().sort(before).equals(keys().sort(after));
    }

    private static void keep(AttributeMap item, KeySchema keys, Map<String, AttributeValue> kept) {
        for (KeySchema.Element element : keys.elements()) {
            kept.put(element.name(), item.get(element.name()));
        }
    }

    private EntryKey entryKey(AttributeMap item) {
        return new EntryKey(keys().sort(item), tableKeys.hash(item), tableKeys.range(item), 0);
    }

    /**
     * The entries of one partition meeting the sort condition, after {@code start} (index and table keys).
     * With a multi-attribute sort key the condition is on the attribute after the equal prefix, so the range
     * probes carry that prefix.
     */
    Iterator<AttributeMap> query(KeyCondition condition, boolean forward, AttributeMap start) {
        NavigableMap<EntryKey, AttributeMap> partition = partitions.get(condition.partitionKey());
        if (partition == null) {
            return Collections.emptyIterator();
        }
        List<AttributeValue> prefix = condition.sortPrefix();
        SortRange<EntryKey> range = new SortRange<>(EntryKey.ORDER, v -> probe(prefix, v, -1),
                v -> probe(prefix, v, 1), key -> key.sort().get(prefix.size()));
        return range.iterate(partition, condition.sort(), forward, start == null ? null : entryKey(start));
    }

    private static EntryKey probe(List<AttributeValue> prefix, AttributeValue value, int bound) {
        List<AttributeValue> sort = new ArrayList<>(prefix);
        sort.add(value);
        return new EntryKey(sort, null, null, bound);
    }

    private static int compareTuples(List<AttributeValue> a, List<AttributeValue> b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int order = ValueOrder.KEYS.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Every entry in index order, after {@code start}. */
    Iterator<AttributeMap> scan(AttributeMap start) {
        List<Iterator<AttributeMap>> parts = new ArrayList<>();
        NavigableMap<List<AttributeValue>, TreeMap<EntryKey, AttributeMap>> from = start == null ? partitions
                : partitions.tailMap(keys().partition(start), true);
        for (Map.Entry<List<AttributeValue>, TreeMap<EntryKey, AttributeMap>> entry : from.entrySet()) {
            if (start != null && entry.getKey().equals(keys().partition(start))) {
                parts.add(entry.getValue().tailMap(entryKey(start), false).values().iterator());
            } else {
                parts.add(entry.getValue().values().iterator());
            }
        }
        return parts.stream().flatMap(it -> {
            List<AttributeMap> items = new ArrayList<>();
            it.forEachRemaining(items::add);
            return items.stream();
        }).iterator();
    }

    /** Rebuilds the index from the table's items (a GSI added by UpdateTable backfills this way). */
    void backfill(Iterator<AttributeMap> items) {
        partitions.clear();
        itemCount = 0;
        sizeBytes = 0;
        while (items.hasNext()) {
            update(null, items.next());
        }
    }

    /**
     * Where an entry sits in its partition: the index sort key (its RANGE attributes' values left to right,
     * empty without a sort key), then the table's key. {@code bound} -1 or 1 makes a probe that sorts before
     * or after every entry whose sort key starts with the probe's values.
     */
    record EntryKey(List<AttributeValue> sort, AttributeValue tableHash, AttributeValue tableRange, int bound) {

        static final Comparator<EntryKey> ORDER = EntryKey::compare;

        private static int compare(EntryKey a, EntryKey b) {
            int shared = Math.min(a.sort.size(), b.sort.size());
            for (int i = 0; i < shared; i++) {
                int order = compareNullable(a.sort.get(i), b.sort.get(i));
                if (order != 0) {
                    return order;
                }
            }
            if (a.bound != 0 || b.bound != 0) {
                return Integer.compare(a.bound, b.bound);
            }
            int order = compareNullable(a.tableHash, b.tableHash);
            return order != 0 ? order : compareNullable(a.tableRange, b.tableRange);
        }

        private static int compareNullable(AttributeValue a, AttributeValue b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            return ValueOrder.KEYS.compare(a, b);
        }
    }
}
