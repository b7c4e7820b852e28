package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.services.s3.select.SqlExpression.Step;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A parsed S3 Select query: what to answer of each record ({@code *} when {@code projections} is empty), the
 * path below S3Object that the records are ({@code S3Object[*].items}), the WHERE condition and the LIMIT.
 * An aggregate query answers one record from the whole scan.
 */
record SelectStatement(List<Projection> projections, List<Step> source, SqlExpression where, Integer limit) {

    /** One expression of the select list and the name it was given with AS, or null. */
    record Projection(SqlExpression expression, String name) {
    }

    /**
     * One answered record: for {@code SELECT *}, the record itself ({@code whole}); else the named values in the
     * select list's order.
     */
    record Answer(SelectRecord whole, Map<String, Object> values) {
    }

    /** Parses {@code sql}; an aggregate query naming a column outside a function fails when it answers. */
    static SelectStatement parse(String sql) {
        return SqlParser.parse(sql);
    }

    boolean aggregating() {
        return projections.stream().anyMatch(p -> !aggregates(p.expression()).isEmpty());
    }

    /** The records below {@link #source} in one value of the object. */
    void expand(Object value, Consumer<Object> each) {
        List<Object> current = List.of(value);
        for (int i = 0; i < source.size(); i++) {
            Step step = source.get(i);
            List<Object> next = new ArrayList<>();
            for (Object element : current) {
                if (i == 0 && step.wildcard() && !(element instanceof List<?>)) {
                    // S3Object[*] names each top-level value of the object, whatever its type
                    next.add(element);
                    continue;
                }
                Object walked = SqlExpression.Path.walk(element, step);
                if (walked instanceof SqlExpression.WildcardValues values) {
                    next.addAll(values.values());
                } else if (walked != SqlValues.MISSING) {
                    next.add(walked);
                }
            }
            current = next;
        }
        current.forEach(each);
    }

    /** Whether WHERE keeps {@code record}. */
    boolean keeps(SelectRecord record) {
        return where == null || SqlValues.truth(where.evaluate(record));
    }

    Answer answer(SelectRecord record) {
        if (projections.isEmpty()) {
            return new Answer(record, null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < projections.size(); i++) {
            Projection projection = projections.get(i);
            Object value = projection.expression().evaluate(record);
            if (value instanceof SqlExpression.WildcardValues wildcard) {
                value = wildcard.values();
            }
            values.put(name(projection, i), value);
        }
        return new Answer(null, values);
    }

    private static String name(Projection projection, int index) {
        if (projection.name() != null) {
            return projection.name();
        }
        if (projection.expression() instanceof SqlExpression.Path path && path.outputName() != null) {
            return path.outputName();
        }
        return "_" + (index + 1);
    }

    /** The running results of an aggregate query's functions. */
    final class Accumulators {

        private final Map<SqlExpression.Aggregate, Object[]> state = new LinkedHashMap<>();

        Accumulators() {
            projections.forEach(p -> aggregates(p.expression()).forEach(a -> state.put(a, new Object[2])));
        }

        void add(SelectRecord record) {
            state.forEach((aggregate, slot) -> accumulate(aggregate, slot, record));
        }

        private static void accumulate(SqlExpression.Aggregate aggregate, Object[] slot, SelectRecord record) {
            Object value = aggregate.argument() == null ? Boolean.TRUE : aggregate.argument().evaluate(record);
            if (SqlValues.absent(value)) {
                return;
            }
            long count = slot[1] == null ? 0 : (Long) slot[1];
            slot[1] = count + 1;
            switch (aggregate.function()) {
                case "SUM", "AVG" -> slot[0] = SqlValues.requireNumber(value, aggregate.function())
                        .add(slot[0] == null ? BigDecimal.ZERO : (BigDecimal) slot[0]);
                case "MIN" -> slot[0] = slot[0] == null || SqlValues.compare(value, slot[0]) < 0 ? value : slot[0];
                case "MAX" -> slot[0] = slot[0] == null || SqlValues.compare(value, slot[0]) > 0 ? value : slot[0];
                default -> { }
            }
        }

        SelectRecord result() {
            Map<SqlExpression.Aggregate, Object> results = new LinkedHashMap<>();
            state.forEach((aggregate, slot) -> {
                long count = slot[1] == null ? 0 : (Long) slot[1];
                results.put(aggregate, switch (aggregate.function()) {
                    case "COUNT" -> BigDecimal.valueOf(count);
                    case "AVG" -> count == 0 ? null : ((BigDecimal) slot[0]).divide(BigDecimal.valueOf(count),
                            MathContext.DECIMAL64).stripTrailingZeros();
                    default -> slot[0];
                });
            });
            return new SelectRecord.Aggregates(results);
        }
    }

    private static List<SqlExpression.Aggregate> aggregates(SqlExpression expression) {
        List<SqlExpression.Aggregate> found = new ArrayList<>();
        if (expression instanceof SqlExpression.Aggregate aggregate) {
            found.add(aggregate);
        } else {
            expression.children().forEach(child -> found.addAll(aggregates(child)));
        }
        return found;
    }
}
