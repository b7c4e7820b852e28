package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.ProjectionExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import java.util.List;

/** What a write's {@code ReturnValues} answers: nothing, the whole item before or after, or the updated parts. */
final class ReturnValues {

    private ReturnValues() {
    }

    /** The attributes to return, or null for none. */
    static AttributeMap select(String mode, AttributeMap before, AttributeMap after, List<DocumentPath> updated) {
        switch (mode) {
            case "ALL_OLD":
                return before;
            case "ALL_NEW":
                return after;
            case "UPDATED_OLD":
                return before == null ? null : ProjectionExpression.project(before, updated);
            case "UPDATED_NEW":
                return after == null ? null : ProjectionExpression.project(after, updated);
            default:
                return null;
        }
    }
}
