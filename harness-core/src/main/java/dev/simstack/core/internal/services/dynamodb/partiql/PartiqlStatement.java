package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import java.util.List;

/**
 * A parsed PartiQL statement with its parameters bound: the WHERE clause is the engine's own
 * {@link Condition}, so PartiQL and the expression API evaluate items with the same code.
 */
public sealed interface PartiqlStatement {

    /** The table the statement names. */
    String table();

    /** True for SELECT. */
    default boolean reads() {
        return this instanceof Select;
    }

    /**
     * {@code SELECT projection FROM table[."index"] [WHERE ...] [ORDER BY path [ASC|DESC]]}.
     *
     * @param index the index read, or null for the table
     * @param projection the paths selected, or null for {@code *}
     * @param where the condition, or null for none
     * @param orderBy the path ordered by, or null
     */
    record Select(String table, String index, List<DocumentPath> projection, Condition where, DocumentPath orderBy,
            boolean descending) implements PartiqlStatement {
    }

    /** {@code INSERT INTO table VALUE {...}}. */
    record Insert(String table, AttributeMap item) implements PartiqlStatement {
    }

    /**
     * {@code UPDATE table SET ... REMOVE ... WHERE ... [RETURNING ...]}.
     *
     * @param returnValues NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW
     */
    record Update(String table, UpdateExpression update, Condition where, String returnValues)
            implements PartiqlStatement {
    }

    /**
     * {@code DELETE FROM table WHERE ... [RETURNING ALL OLD *]}.
     *
     * @param returnValues NONE or ALL_OLD
     */
    record Delete(String table, Condition where, String returnValues) implements PartiqlStatement {
    }
}
