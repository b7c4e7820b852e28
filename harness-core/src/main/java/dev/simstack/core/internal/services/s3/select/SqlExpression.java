package dev.simstack.core.internal.services.s3.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** An expression of S3 Select's SQL, evaluated against one record. */
sealed interface SqlExpression {

    Object evaluate(SelectRecord record);

    /** The expressions inside this one, so a query can find its aggregates. */
    default List<SqlExpression> children() {
        return List.of();
    }

    record Literal(Object value) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            return value;
        }
    }

    /**
     * One step of a path: a name (quoted: case-sensitive), a list index, or {@code [*]}.
     */
    record Step(String name, boolean quoted, int index, boolean wildcard) {
        static Step named(String name, boolean quoted) {
            return new Step(name, quoted, -1, false);
        }
    }

    /** A column or JSON path from the record ({@code s._1}, {@code s.name}, {@code s.a.b[0]}, {@code s.a[*].b}). */
    record Path(List<Step> steps) implements SqlExpression {

        @Override
        public Object evaluate(SelectRecord record) {
            if (steps.isEmpty()) {
                return record.whole();
            }
            Step first = steps.get(0);
            Object value = first.name() == null ? walk(record.whole(), first) : record.column(first.name(),
                    first.quoted());
            for (Step step : steps.subList(1, steps.size())) {
                value = walk(value, step);
            }
            return value;
        }

        /** The name a JSON answer gives this column: its last name, as S3 does. */
        String outputName() {
            for (int i = steps.size() - 1; i >= 0; i--) {
                if (steps.get(i).name() != null) {
                    return steps.get(i).name();
                }
            }
            return null;
        }

        static Object walk(Object value, Step step) {
            if (value instanceof WildcardValues values) {
                List<Object> each = new ArrayList<>();
                for (Object element : values.values()) {
                    Object next = walk(element, step);
                    if (next != SqlValues.MISSING) {
                        each.add(next);
                    }
                }
                return new WildcardValues(each);
            }
            if (step.wildcard()) {
                return value instanceof List<?> list ? new WildcardValues(new ArrayList<>(list)) : SqlValues.MISSING;
            }
            if (step.name() != null) {
                return value instanceof Map<?, ?> map ? SelectRecord.member(map, step.name(), step.quoted())
                        : SqlValues.MISSING;
            }
            return value instanceof List<?> list && step.index() < list.size() ? list.get(step.index())
                    : SqlValues.MISSING;
        }
    }

    /** What a {@code [*]} step gives: each element's value, answered as a list. */
    record WildcardValues(List<Object> values) {
    }

    record Not(SqlExpression operand) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object value = operand.evaluate(record);
            return value instanceof Boolean b ? !b : null;
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(operand);
        }
    }

    record Negate(SqlExpression operand) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            return SqlValues.arithmetic("-", java.math.BigDecimal.ZERO, operand.evaluate(record));
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(operand);
        }
    }

    /** AND, OR, comparisons, arithmetic and {@code ||}, with SQL's null logic. */
    record Binary(String operator, SqlExpression left, SqlExpression right) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object a = left.evaluate(record);
            if (operator.equals("AND") || operator.equals("OR")) {
                // decided by the left side alone, the right is not evaluated (so a guard can precede a CAST)
                boolean and = operator.equals("AND");
                return Boolean.valueOf(!and).equals(a) ? !and : logic(a, right.evaluate(record));
            }
            Object b = right.evaluate(record);
            return switch (operator) {
                case "=", "!=", "<>", "<", "<=", ">", ">=" -> comparison(a, b);
                case "||" -> SqlValues.absent(a) || SqlValues.absent(b) ? null : SqlValues.render(a)
                        + SqlValues.render(b);
                default -> SqlValues.arithmetic(operator, a, b);
            };
        }

        private Object logic(Object a, Object b) {
            boolean and = operator.equals("AND");
            if (Boolean.valueOf(!and).equals(a) || Boolean.valueOf(!and).equals(b)) {
                return !and;
            }
            return a instanceof Boolean && b instanceof Boolean ? and : null;
        }

        private Object comparison(Object a, Object b) {
            if (SqlValues.absent(a) || SqlValues.absent(b)) {
                return null;
            }
            int order = SqlValues.compare(a, b);
            return switch (operator) {
                case "=" -> order == 0;
                case "!=", "<>" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(left, right);
        }
    }

    /** {@code LIKE} with {@code %} and {@code _}, and an optional one-character ESCAPE. */
    record Like(SqlExpression value, SqlExpression pattern, SqlExpression escape, boolean negated)
            implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object text = value.evaluate(record);
            Object like = pattern.evaluate(record);
            if (SqlValues.absent(text) || SqlValues.absent(like)) {
                return null;
            }
            String escapeText = escape == null ? null : SqlValues.render(escape.evaluate(record));
            if (escapeText != null && escapeText.length() != 1) {
                throw SelectErrors.of("LikeInvalidInputs", "Invalid argument given to the LIKE clause in the SQL"
                        + " expression: the ESCAPE must be one character.");
            }
            boolean matches = regex(SqlValues.render(like), escapeText == null ? null : escapeText.charAt(0))
                    .matcher(SqlValues.render(text)).matches();
            return matches != negated;
        }

        private static Pattern regex(String like, Character escape) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < like.length(); i++) {
                char c = like.charAt(i);
                if (escape != null && c == escape && i + 1 < like.length()) {
                    regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        @Override
        public List<SqlExpression> children() {
            return escape == null ? List.of(value, pattern) : List.of(value, pattern, escape);
        }
    }

    record Between(SqlExpression value, SqlExpression low, SqlExpression high, boolean negated)
            implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object v = value.evaluate(record);
            Object a = low.evaluate(record);
            Object b = high.evaluate(record);
            if (SqlValues.absent(v) || SqlValues.absent(a) || SqlValues.absent(b)) {
                return null;
            }
            boolean inside = SqlValues.compare(v, a) >= 0 && SqlValues.compare(v, b) <= 0;
            return inside != negated;
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(value, low, high);
        }
    }

    record In(SqlExpression value, List<SqlExpression> options, boolean negated) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object v = value.evaluate(record);
            if (SqlValues.absent(v)) {
                return null;
            }
            for (SqlExpression option : options) {
                Object o = option.evaluate(record);
                if (!SqlValues.absent(o) && SqlValues.equal(v, o)) {
                    return !negated;
                }
            }
            return negated;
        }

        @Override
        public List<SqlExpression> children() {
            List<SqlExpression> all = new ArrayList<>(options);
            all.add(value);
            return all;
        }
    }

    /** {@code IS [NOT] NULL} (true for MISSING too, as in S3) and {@code IS [NOT] MISSING}. */
    record Is(SqlExpression value, boolean missing, boolean negated) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            Object v = value.evaluate(record);
            boolean holds = missing ? v == SqlValues.MISSING : SqlValues.absent(v);
            return holds != negated;
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(value);
        }
    }

    record Cast(SqlExpression value, String type) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            return SqlValues.cast(value.evaluate(record), type);
        }

        @Override
        public List<SqlExpression> children() {
            return List.of(value);
        }
    }

    /** A scalar function: LOWER, UPPER, CHAR_LENGTH, TRIM, SUBSTRING, COALESCE, NULLIF. */
    record Call(String function, List<SqlExpression> arguments) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            List<Object> values = new ArrayList<>();
            arguments.forEach(argument -> values.add(argument.evaluate(record)));
            return ScalarFunctions.apply(function.toUpperCase(Locale.ROOT), values);
        }

        @Override
        public List<SqlExpression> children() {
            return arguments;
        }
    }

    /** COUNT, SUM, AVG, MIN or MAX over the records a query keeps; a null argument is {@code COUNT(*)}. */
    record Aggregate(String function, SqlExpression argument) implements SqlExpression {
        @Override
        public Object evaluate(SelectRecord record) {
            return record.aggregate(this);
        }
    }
}
