package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.expressions.Operand;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WHERE clause says about a key schema: the ANDed equalities that pin the primary key (a write's item,
 * a batch's single-item read) or the partition key and a sort key range (a read answered as a Query).
 */
public final class PartiqlKeys {

    private PartiqlKeys() {
    }

    /**
     * The item a WHERE clause names and the rest of the clause.
     *
     * @param key the full primary key
     * @param rest the conditions besides the key's equalities, or null
     */
    public record KeyedWhere(AttributeMap key, Condition rest) {
    }

    /**
     * Splits {@code where} into the equalities on every key attribute and the rest.
     *
     * @throws dev.simstack.core.AwsException ValidationException if it does not pin the whole key
     */
    public static KeyedWhere fullKey(Condition where, KeySchema keys) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        List<Condition> rest = new ArrayList<>();
        for (Condition conjunct : conjuncts(where)) {
            String attribute = equalityAttribute(conjunct);
            if (attribute != null && keys.isKeyAttribute(attribute)) {
                if (key.containsKey(attribute)) {
                    throw DynamoDbErrors.validation("Multiple conditions on same key " + attribute
                            + ". Only single item Update/Insert/Delete are supported");
                }
                AttributeValue value = equalityValue(conjunct);
                AttributeValue.Type type = attribute.equals(keys.hashName()) ? keys.hashType() : keys.rangeType();
                if (value.type() != type) {
                    throw DynamoDbErrors.validation(
                            "Key attribute's data type should match its data type in table's schema: Key " + attribute);
                }
                key.put(attribute, value);
            } else {
                rest.add(conjunct);
            }
        }
        if (!key.containsKey(keys.hashName()) || keys.hasRange() && !key.containsKey(keys.rangeName())) {
            throw DynamoDbErrors.validation(PartiqlErrors.KEY_EQUALITY);
        }
        return new KeyedWhere(keys.key(AttributeMap.of(key)), and(rest));
    }

    /**
     * The key condition of a Query answering {@code where} on a table or index with {@code keys}: the
     * partition key's equality (on every HASH attribute of a multi-attribute key) and one condition on a single
     * sort key attribute, or null if the partition key is not pinned (the read is then a Scan). The whole clause
     * still filters the items, so this only narrows the read.
     */
    public static KeyCondition queryCondition(Condition where, KeySchema keys) {
        List<KeySchema.Element> hash = keys.hashAttributes();
        AttributeValue[] partition = new AttributeValue[hash.size()];
        KeyCondition.SortCondition sort = null;
        boolean singleSort = keys.rangeAttributes().size() == 1;
        for (Condition conjunct : conjuncts(where)) {
            String attribute = equalityAttribute(conjunct);
            int at = position(hash, attribute);
            if (at >= 0 && partition[at] == null) {
                AttributeValue value = equalityValue(conjunct);
                if (value.type() == hash.get(at).type()) {
                    partition[at] = value;
                }
            } else if (at < 0 && sort == null && singleSort) {
                sort = PartiqlSortKeys.condition(conjunct, keys.rangeName(), keys.rangeType());
            }
        }
        for (AttributeValue value : partition) {
            if (value == null) {
                return null;
            }
        }
        return new KeyCondition(List.of(partition), List.of(), sort);
    }

    private static int position(List<KeySchema.Element> elements, String name) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static List<Condition> conjuncts(Condition where) {
        List<Condition> conjuncts = new ArrayList<>();
        if (where != null) {
            flatten(where, conjuncts);
        }
        return conjuncts;
    }

    private static void flatten(Condition condition, List<Condition> into) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), into);
            flatten(and.right(), into);
        } else {
            into.add(condition);
        }
    }

    private static Condition and(List<Condition> conditions) {
        Condition all = null;
        for (Condition condition : conditions) {
            all = all == null ? condition : new Condition.And(all, condition);
        }
        return all;
    }

    /** The top-level attribute an {@code attribute = value} (either way round) compares, or null. */
    private static String equalityAttribute(Condition condition) {
        if (!(condition instanceof Condition.Compare compare) || compare.comparator() != Condition.Comparator.EQ) {
            return null;
        }
        Operand.Path path = compare.left() instanceof Operand.Path p ? p
                : compare.right() instanceof Operand.Path p ? p : null;
        boolean withValue = compare.left() instanceof Operand.Value || compare.right() instanceof Operand.Value;
        return path != null && withValue && path.path().isTopLevel() ? path.path().attribute() : null;
    }

    private static AttributeValue equalityValue(Condition condition) {
        Condition.Compare compare = (Condition.Compare) condition;
        return compare.left() instanceof Operand.Value v ? v.value() : ((Operand.Value) compare.right()).value();
    }
}
