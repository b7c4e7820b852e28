package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table in one region: its definition, its settings that UpdateTable and friends change, and its
 * items with their secondary indexes. A read-write lock makes each item operation linearizable; a
 * transaction holds the write locks of all its tables at once. Callers take the lock; this class only
 * stores.
 */
public final class Table {

    private static final int MAX_NAME_SETS = 4096;

    private final TableSettings settings;
    private final PrimaryIndex primary;
    private final List<SecondaryIndex> indexes = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * The attribute name sets of the table's items, shared: items mostly repeat the same few sets. Capped,
     * so items with ever-new attribute names cannot make it grow without bound.
     */
    private final ConcurrentHashMap<NameSet, String[]> nameSets = new ConcurrentHashMap<>();
    private long itemCount;
    private long sizeBytes;

    public Table(TableSettings settings, List<IndexDefinition> indexDefinitions) {
        this.settings = settings;
        this.primary = new PrimaryIndex(settings.keys());
        for (IndexDefinition index : indexDefinitions) {
            indexes.add(new SecondaryIndex(index, settings.keys()));
        }
    }

    public TableSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    public String region() {
        return settings.region();
    }

    public KeySchema keys() {
        return settings.keys();
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    /** The item with {@code key}, or null. Call under the read or write lock. */
    public AttributeMap get(AttributeMap key) {
        return primary.get(key);
    }

    /** Checks the index key attributes of an item about to be written. */
    public void checkIndexKeys(AttributeMap item) {
        for (SecondaryIndex index : indexes) {
            index.checkItem(item);
        }
    }

    /** Stores {@code item} (replacing the item with its key); answers the replaced item. Under the write lock. */
    public AttributeMap put(AttributeMap item) {
        AttributeMap stored = item.shareNames(this::sharedNames);
        AttributeMap before = primary.put(stored);
        account(before, stored);
        for (SecondaryIndex index : indexes) {
            index.update(before, stored);
        }
        return before;
    }

    private String[] sharedNames(String[] names) {
        NameSet key = new NameSet(names);
        String[] shared = nameSets.get(key);
        if (shared != null) {
            return shared;
        }
        if (nameSets.size() >= MAX_NAME_SETS) {
            return names;
        }
        String[] previous = nameSets.putIfAbsent(key, names);
        return previous != null ? previous : names;
    }

    /** A names array compared by content. */
    private record NameSet(String[] names) {
        @Override
        public boolean equals(Object other) {
            return other instanceof NameSet && Arrays.equals(names, ((NameSet) other).names);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(names);
        }
    }

    /** Removes the item with {@code key}; answers it, or null. Under the write lock. */
    public AttributeMap delete(AttributeMap key) {
        AttributeMap before = primary.remove(key);
        if (before != null) {
            account(before, null);
            for (SecondaryIndex index : indexes) {
                index.update(before, null);
            }
        }
        return before;
    }

    private void account(AttributeMap before, AttributeMap after) {
        if (before != null) {
            itemCount--;
            sizeBytes -= ItemSize.of(before);
        }
        if (after != null) {
            itemCount++;
            sizeBytes += ItemSize.of(after);
        }
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Items of a Query on the table ({@code index} null) or an index, in order, after {@code start}. */
    public Iterator<AttributeMap> query(SecondaryIndex index, KeyCondition condition, boolean forward,
            AttributeMap start) {
        return index == null ? primary.query(condition, forward, start) : index.query(condition, forward, start);
    }

    /** Items of a Scan of the table ({@code index} null) or an index, in order, after {@code start}. */
    public Iterator<AttributeMap> scan(SecondaryIndex index, AttributeMap start) {
        return index == null ? primary.scan(start) : index.scan(start);
    }

    public SecondaryIndex index(String name) {
        for (SecondaryIndex index : indexes) {
            if (index.name().equals(name)) {
                return index;
            }
        }
        return null;
    }

    public List<SecondaryIndex> indexes() {
        return List.copyOf(indexes);
    }

    /** Adds a global secondary index and fills it from the items. Under the write lock. */
    public SecondaryIndex addIndex(IndexDefinition definition) {
        SecondaryIndex index = new SecondaryIndex(definition, keys());
        index.backfill(primary.scan(null));
        indexes.add(index);
        return index;
    }

    public void removeIndex(String name) {
        indexes.removeIf(index -> index.name().equals(name));
    }

    /** Every item, for copying a table to a new replica. Under the read lock. */
    public List<AttributeMap> items() {
        List<AttributeMap> items = new ArrayList<>();
        primary.scan(null).forEachRemaining(items::add);
        return items;
    }

    /** The stream, or null when none was ever enabled. */
    public StreamLog stream() {
        return settings.stream();
    }

    /** Tags of the table, in the order added. */
    public Map<String, String> tags() {
        return settings.tags();
    }

    public Instant created() {
        return settings.created();
    }

    /** A copy of the attribute definitions. */
    public Map<String, String> attributeDefinitions() {
        return new LinkedHashMap<>(settings.attributeDefinitions());
    }
}
