package dev.simstack.core.internal.services.s3.select;

import java.util.LinkedHashMap;
import java.util.Map;

/** One record of the object (a CSV line, a JSON value) as expressions read it. */
interface SelectRecord {

    /** The column or attribute {@code name}; a quoted name matches its case exactly. */
    Object column(String name, boolean quoted);

    /** The record as one value ({@code SELECT *}, a JSON output): for CSV, a map of its columns. */
    Object whole();

    /** An aggregate's result: only the record that carries the results of a whole scan has them. */
    default Object aggregate(SqlExpression.Aggregate aggregate) {
        throw SelectErrors.of("UnsupportedSqlStructure", "Aggregate functions are not allowed in a WHERE clause.");
    }

    /** A map's member {@code name}: the exact name, or, unquoted, one that differs in case only. */
    static Object member(Map<?, ?> map, String name, boolean quoted) {
        if (map.containsKey(name)) {
            return map.get(name);
        }
        if (!quoted) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        return SqlValues.MISSING;
    }

    /** A JSON value as a record. */
    record Json(Object value) implements SelectRecord {

        @Override
        public Object column(String name, boolean quoted) {
            return value instanceof Map<?, ?> map ? member(map, name, quoted) : SqlValues.MISSING;
        }

        @Override
        public Object whole() {
            return value;
        }
    }

    /** The record of an aggregate query's one answer. */
    record Aggregates(Map<SqlExpression.Aggregate, Object> results) implements SelectRecord {

        @Override
        public Object column(String name, boolean quoted) {
            throw SelectErrors.of("UnsupportedSqlStructure", "An aggregate query's select list must hold aggregate"
                    + " functions only; " + name + " is not one.");
        }

        @Override
        public Object whole() {
            return new LinkedHashMap<>();
        }

        @Override
        public Object aggregate(SqlExpression.Aggregate aggregate) {
            return results.get(aggregate);
        }
    }
}
