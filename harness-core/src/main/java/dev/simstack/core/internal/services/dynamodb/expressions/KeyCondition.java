package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's {@code KeyConditionExpression} reduced to what it may say: the partition key equals a value
 * (every HASH attribute of a multi-attribute key equals one), and optionally one condition on the sort key
 * ({@code = < <= > >=}, {@code BETWEEN}, {@code begins_with}). With a multi-attribute sort key the RANGE
 * attributes are constrained left to right: equality on a prefix ({@code sortPrefix}), then {@code sort} on
 * the next attribute.
 *
 * @param partitionKey the HASH attributes' values in schema order
 * @param sortPrefix the values of the leading RANGE attributes {@code sort} comes after (empty for one)
 */
public record KeyCondition(List<AttributeValue> partitionKey, List<AttributeValue> sortPrefix, SortCondition sort) {

    private static final String ONE_CONDITION_PER_KEY =
            "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key";

    public KeyCondition {
        partitionKey = List.copyOf(partitionKey);
        sortPrefix = List.copyOf(sortPrefix);
    }

    /** A condition on a key of one HASH and at most one RANGE attribute. */
    public KeyCondition(AttributeValue partition, SortCondition sort) {
        this(List.of(partition), List.of(), sort);
    }

    /** The (first) partition key value: the whole partition key of a table. */
    public AttributeValue partition() {
        return partitionKey.get(0);
    }

    /** The operators a sort key condition may use. */
    public enum SortOperator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** The condition on the sort key; {@code upper} only for BETWEEN. */
    public record SortCondition(SortOperator operator, AttributeValue value, AttributeValue upper) {

        public boolean matches(AttributeValue sortKey) {
            if (sortKey == null || sortKey.type() != value.type()) {
                return false;
            }
            if (operator == SortOperator.BEGINS_WITH) {
                return new Condition.BeginsWith(new Operand.Value(":v", sortKey), new Operand.Value(":p", value))
                        .test(null);
            }
            int order = ValueOrder.compare(sortKey, value);
            switch (operator) {
                case EQ:
                    return order == 0;
                case LT:
                    return order < 0;
                case LE:
                    return order <= 0;
                case GT:
                    return order > 0;
                case GE:
                    return order >= 0;
                default:
                    return order >= 0 && ValueOrder.compare(sortKey, upper) <= 0;
            }
        }
    }

    /** A key attribute of the schema queried: its name and type. */
    public record KeyAttribute(String name, AttributeValue.Type type) {
    }

    /**
     * Parses and checks a key condition expression against the key schema of the table or index queried.
     *
     * @param rangeName the sort key's name, or null if there is none
     */
    public static KeyCondition parse(String text, ExpressionAttributes attributes, String hashName,
            AttributeValue.Type hashType, String rangeName, AttributeValue.Type rangeType) {
        return parse(text, attributes, List.of(new KeyAttribute(hashName, hashType)),
                rangeName == null ? List.of() : List.of(new KeyAttribute(rangeName, rangeType)));
    }

    /** Parses and checks a key condition expression against HASH and RANGE attributes (several for a GSI). */
    public static KeyCondition parse(String text, ExpressionAttributes attributes, List<KeyAttribute> hash,
            List<KeyAttribute> range) {
        Condition condition = ConditionExpressionParser.parse("KeyConditionExpression", text, attributes);
        List<Condition> leaves = new ArrayList<>();
        flatten(condition, leaves);
        int keyAttributes = hash.size() + range.size();
        if (leaves.size() > keyAttributes) {
            throw DynamoDbErrors.validation("The number of query conditions (" + leaves.size() + ") exceeds the number "
                    + "of key attributes defined in the schema (" + keyAttributes + ")");
        }
        AttributeValue[] partition = new AttributeValue[hash.size()];
        Leaf[] sorts = new Leaf[range.size()];
        for (Condition leaf : leaves) {
            Leaf parsed = leaf(leaf);
            int hashAt = position(hash, parsed.attribute);
            int rangeAt = position(range, parsed.attribute);
            if (hashAt >= 0) {
                if (partition[hashAt] != null) {
                    throw DynamoDbErrors.validation(ONE_CONDITION_PER_KEY);
                }
                if (parsed.operator != SortOperator.EQ) {
                    throw DynamoDbErrors.validation("Query key condition not supported");
                }
                checkType(parsed.value, hash.get(hashAt).type());
                partition[hashAt] = parsed.value;
            } else if (rangeAt >= 0) {
                if (sorts[rangeAt] != null) {
                    throw DynamoDbErrors.validation(ONE_CONDITION_PER_KEY);
                }
                AttributeValue.Type rangeType = range.get(rangeAt).type();
                checkType(parsed.value, rangeType);
                if (parsed.upper != null) {
                    checkType(parsed.upper, rangeType);
                }
                if (parsed.operator == SortOperator.BEGINS_WITH && rangeType == AttributeValue.Type.N) {
                    throw DynamoDbErrors.validation("Invalid KeyConditionExpression: Incorrect operand type for "
                            + "operator or function; operator or function: begins_with, operand type: N");
                }
                sorts[rangeAt] = parsed;
            } else {
                String unmentioned = firstUnmentioned(hash, leaves);
                throw DynamoDbErrors.validation("Query condition missed key schema element: "
                        + (unmentioned != null ? unmentioned : parsed.attribute));
            }
        }
        for (int i = 0; i < partition.length; i++) {
            if (partition[i] == null) {
                throw DynamoDbErrors.validation("Query condition missed key schema element: " + hash.get(i).name());
            }
        }
        return new KeyCondition(List.of(partition), List.of(), null).withSort(range, sorts);
    }

    /**
     * Adds the RANGE attributes' conditions, which must be left to right: equality on each attribute before
     * the last one constrained, which may use any sort key operator.
     */
    private KeyCondition withSort(List<KeyAttribute> range, Leaf[] sorts) {
        int constrained = 0;
        while (constrained < sorts.length && sorts[constrained] != null) {
            constrained++;
        }
        for (int i = constrained; i < sorts.length; i++) {
            if (sorts[i] != null) {
                throw DynamoDbErrors.validation("Invalid KeyConditionExpression: a condition on sort key attribute "
                        + range.get(i).name() + " needs an equality condition on every sort key attribute before "
                        + "it; missing: " + range.get(constrained).name());
            }
        }
        List<AttributeValue> prefix = new ArrayList<>();
        for (int i = 0; i < constrained - 1; i++) {
            if (sorts[i].operator != SortOperator.EQ) {
                throw DynamoDbErrors.validation("Invalid KeyConditionExpression: only the last sort key attribute "
                        + "constrained may use a range condition; " + range.get(i).name() + " is followed by a "
                        + "condition on " + range.get(i + 1).name() + ", so it needs an equality condition");
            }
            prefix.add(sorts[i].value);
        }
        if (constrained == 0) {
            return this;
        }
        Leaf last = sorts[constrained - 1];
        return new KeyCondition(partitionKey, prefix, new SortCondition(last.operator, last.value, last.upper));
    }

    private static int position(List<KeyAttribute> keys, String name) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The first HASH attribute no condition names, or null when every one is named. */
    private static String firstUnmentioned(List<KeyAttribute> hash, List<Condition> leaves) {
        for (KeyAttribute key : hash) {
            if (!mentions(leaves, key.name())) {
                return key.name();
            }
        }
        return null;
    }

    private record Leaf(String attribute, SortOperator operator, AttributeValue value, AttributeValue upper) {
    }

    private static void flatten(Condition condition, List<Condition> leaves) {
        if (condition instanceof Condition.And) {
            flatten(((Condition.And) condition).left(), leaves);
            flatten(((Condition.And) condition).right(), leaves);
        } else {
            leaves.add(condition);
        }
    }

    private static boolean mentions(List<Condition> leaves, String name) {
        for (Condition leaf : leaves) {
            try {
                if (leaf(leaf).attribute.equals(name)) {
                    return true;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static Leaf leaf(Condition condition) {
        if (condition instanceof Condition.Compare) {
            Condition.Compare compare = (Condition.Compare) condition;
            SortOperator operator = operator(compare.comparator());
            if (compare.left() instanceof Operand.Path && compare.right() instanceof Operand.Value) {
                return new Leaf(attribute(compare.left()), operator, value(compare.right()), null);
            }
            if (compare.right() instanceof Operand.Path && compare.left() instanceof Operand.Value) {
                return new Leaf(attribute(compare.right()), flip(operator), value(compare.left()), null);
            }
            throw DynamoDbErrors.validation("Invalid KeyConditionExpression: Syntax error; a key condition compares "
                    + "one key attribute with one value");
        }
        if (condition instanceof Condition.Between) {
            Condition.Between between = (Condition.Between) condition;
            return new Leaf(attribute(between.value()), SortOperator.BETWEEN, value(between.lower()),
                    value(between.upper()));
        }
        if (condition instanceof Condition.BeginsWith) {
            Condition.BeginsWith begins = (Condition.BeginsWith) condition;
            return new Leaf(attribute(begins.value()), SortOperator.BEGINS_WITH, value(begins.prefix()), null);
        }
        throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: " + operatorName(condition));
    }

    private static String operatorName(Condition condition) {
        if (condition instanceof Condition.Or) {
            return "OR";
        }
        if (condition instanceof Condition.Not) {
            return "NOT";
        }
        if (condition instanceof Condition.In) {
            return "IN";
        }
        if (condition instanceof Condition.Exists) {
            return ((Condition.Exists) condition).exists() ? "attribute_exists" : "attribute_not_exists";
        }
        if (condition instanceof Condition.AttributeType) {
            return "attribute_type";
        }
        return "contains";
    }

    private static SortOperator operator(Condition.Comparator comparator) {
        switch (comparator) {
            case EQ:
                return SortOperator.EQ;
            case LT:
                return SortOperator.LT;
            case LE:
                return SortOperator.LE;
            case GT:
                return SortOperator.GT;
            case GE:
                return SortOperator.GE;
            default:
                throw DynamoDbErrors.validation("Unsupported operator on KeyConditionExpression: operator: <>");
        }
    }

    private static SortOperator flip(SortOperator operator) {
        switch (operator) {
            case LT:
                return SortOperator.GT;
            case LE:
                return SortOperator.GE;
            case GT:
                return SortOperator.LT;
            case GE:
                return SortOperator.LE;
            default:
                return operator;
        }
    }

    private static String attribute(Operand operand) {
        if (!(operand instanceof Operand.Path) || !((Operand.Path) operand).path().isTopLevel()) {
            throw DynamoDbErrors.validation("Invalid KeyConditionExpression: a key condition must name a top-level "
                    + "key attribute and compare it with a value");
        }
        return ((Operand.Path) operand).path().attribute();
    }

    private static AttributeValue value(Operand operand) {
        if (!(operand instanceof Operand.Value)) {
            throw DynamoDbErrors.validation("Invalid KeyConditionExpression: a key condition must compare a key "
                    + "attribute with an expression attribute value");
        }
        return ((Operand.Value) operand).value();
    }

    private static void checkType(AttributeValue value, AttributeValue.Type type) {
        if (value.type() != type) {
            throw DynamoDbErrors.invalidParameters("Condition parameter type does not match schema type");
        }
    }
}
