package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Narrows a partition's sorted items to a sort key condition and a page's start with one sub-map view,
 * so a Query reads only the items in range. {@code begins_with} is a range too: keys sharing a prefix are
 * adjacent in DynamoDB's byte order. Both constraints are merged into one pair of bounds first, since
 * views of views refuse keys outside their range.
 *
 * @param <K> the partition map's key: the sort key itself, or an index entry's position
 */
final class SortRange<K> {

    private final Comparator<? super K> order;
    private final Function<AttributeValue, K> lowest;
    private final Function<AttributeValue, K> highest;
    private final Function<K, AttributeValue> sortOf;

    /**
     * @param lowest the key that sorts first among those with a sort key value
     * @param highest the key that sorts last among those with a sort key value
     * @param sortOf the sort key value of a key
     */
    SortRange(Comparator<? super K> order, Function<AttributeValue, K> lowest, Function<AttributeValue, K> highest,
            Function<K, AttributeValue> sortOf) {
        this.order = order;
        this.lowest = lowest;
        this.highest = highest;
        this.sortOf = sortOf;
    }

    private record Bound<K>(K key, boolean inclusive) {
    }

    /** The items meeting {@code condition}, in order, strictly after {@code start} in that order (if given). */
    <V> Iterator<V> iterate(NavigableMap<K, V> items, KeyCondition.SortCondition condition, boolean forward, K start) {
        Bound<K> lower = null;
        Bound<K> upper = null;
        if (condition != null) {
            AttributeValue value = condition.value();
            switch (condition.operator()) {
                case EQ:
                    lower = new Bound<>(lowest.apply(value), true);
                    upper = new Bound<>(highest.apply(value), true);
                    break;
                case LT:
                    upper = new Bound<>(lowest.apply(value), false);
                    break;
                case LE:
                    upper = new Bound<>(highest.apply(value), true);
                    break;
                case GT:
                    lower = new Bound<>(highest.apply(value), false);
                    break;
                case BETWEEN:
                    lower = new Bound<>(lowest.apply(value), true);
                    upper = new Bound<>(highest.apply(condition.upper()), true);
                    break;
                default: // GE and BEGINS_WITH, which stops at the first key without the prefix
                    lower = new Bound<>(lowest.apply(value), true);
                    break;
            }
        }
        if (start != null) {
            if (forward) {
                lower = tighter(lower, new Bound<>(start, false), 1);
            } else {
                upper = tighter(upper, new Bound<>(start, false), -1);
            }
        }
        if (lower != null && upper != null) {
            int compared = order.compare(lower.key, upper.key);
            if (compared > 0 || compared == 0 && !(lower.inclusive && upper.inclusive)) {
                return Collections.emptyIterator();
            }
        }
        NavigableMap<K, V> range = lower == null
                ? (upper == null ? items : items.headMap(upper.key, upper.inclusive))
                : upper == null ? items.tailMap(lower.key, lower.inclusive)
                        : items.subMap(lower.key, lower.inclusive, upper.key, upper.inclusive);
        NavigableMap<K, V> ordered = forward ? range : range.descendingMap();
        if (condition == null || condition.operator() != KeyCondition.SortOperator.BEGINS_WITH) {
            return ordered.values().iterator();
        }
        return new Matching<>(ordered.entrySet().iterator(), condition, forward);
    }

    /** The tighter of two bounds: {@code direction} 1 for lower bounds (the greater wins), -1 for upper. */
    private Bound<K> tighter(Bound<K> current, Bound<K> other, int direction) {
        if (current == null) {
            return other;
        }
        int compared = order.compare(current.key, other.key) * direction;
        if (compared != 0) {
            return compared > 0 ? current : other;
        }
        return new Bound<>(current.key, current.inclusive && other.inclusive);
    }

    /**
     * The entries whose sort key meets a begins_with condition. Going forward they are a prefix of the
     * range, so iteration stops at the first miss; going backward they are at its end, so misses are skipped.
     */
    private final class Matching<V> implements Iterator<V> {
        private final Iterator<Map.Entry<K, V>> entries;
        private final KeyCondition.SortCondition condition;
        private final boolean stopAtMiss;
        private V next;

        Matching(Iterator<Map.Entry<K, V>> entries, KeyCondition.SortCondition condition, boolean stopAtMiss) {
            this.entries = entries;
            this.condition = condition;
            this.stopAtMiss = stopAtMiss;
            this.next = advance();
        }

        private V advance() {
            while (entries.hasNext()) {
                Map.Entry<K, V> entry = entries.next();
                if (condition.matches(sortOf.apply(entry.getKey()))) {
                    return entry.getValue();
                }
                if (stopAtMiss) {
                    return null;
                }
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public V next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            V current = next;
            next = advance();
            return current;
        }
    }
}
