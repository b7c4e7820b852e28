package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition;
import dev.simstack.core.internal.services.dynamodb.expressions.KeyCondition.SortOperator;
import dev.simstack.core.internal.services.dynamodb.expressions.Operand;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;

/** The WHERE conditions a Query can apply to the sort key itself: comparisons, BETWEEN and begins_with. */
final class PartiqlSortKeys {

    private PartiqlSortKeys() {
    }

    /** The sort key condition {@code condition} states on {@code rangeName}, or null if it states none. */
    static KeyCondition.SortCondition condition(Condition condition, String rangeName, AttributeValue.Type type) {
        if (condition instanceof Condition.Compare compare) {
            SortOperator operator = operator(compare.comparator());
            if (operator == null) {
                return null;
            }
            if (names(compare.left(), rangeName) && compare.right() instanceof Operand.Value v) {
                return typed(new KeyCondition.SortCondition(operator, v.value(), null), type);
            }
            if (names(compare.right(), rangeName) && compare.left() instanceof Operand.Value v) {
                return typed(new KeyCondition.SortCondition(flip(operator), v.value(), null), type);
            }
            return null;
        }
        if (condition instanceof Condition.Between between && names(between.value(), rangeName)
                && between.lower() instanceof Operand.Value lower && between.upper() instanceof Operand.Value upper
                && upper.value().type() == type) {
            return typed(new KeyCondition.SortCondition(SortOperator.BETWEEN, lower.value(), upper.value()), type);
        }
        if (condition instanceof Condition.BeginsWith begins && names(begins.value(), rangeName)
                && begins.prefix() instanceof Operand.Value prefix && type != AttributeValue.Type.N) {
            return typed(new KeyCondition.SortCondition(SortOperator.BEGINS_WITH, prefix.value(), null), type);
        }
        return null;
    }

    private static KeyCondition.SortCondition typed(KeyCondition.SortCondition sort, AttributeValue.Type type) {
        return sort.value().type() == type ? sort : null;
    }

    private static boolean names(Operand operand, String attribute) {
        return operand instanceof Operand.Path path && path.path().isTopLevel()
                && path.path().attribute().equals(attribute);
    }

    private static SortOperator operator(Condition.Comparator comparator) {
        return switch (comparator) {
            case EQ -> SortOperator.EQ;
            case LT -> SortOperator.LT;
            case LE -> SortOperator.LE;
            case GT -> SortOperator.GT;
            case GE -> SortOperator.GE;
            default -> null;
        };
    }

    private static SortOperator flip(SortOperator operator) {
        return switch (operator) {
            case LT -> SortOperator.GT;
            case LE -> SortOperator.GE;
            case GT -> SortOperator.LT;
            case GE -> SortOperator.LE;
            default -> operator;
        };
    }
}
