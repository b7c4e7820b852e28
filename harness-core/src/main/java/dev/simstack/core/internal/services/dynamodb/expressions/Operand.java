package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.util.ArrayList;
import java.util.List;

/** A value in an expression: a path, a placeholder's value, or a function of those. */
public sealed interface Operand {

    /** The value against {@code item}, or null where a path names nothing. */
    AttributeValue evaluate(AttributeMap item);

    /** An attribute of the item. */
    record Path(DocumentPath path) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            return path.get(item);
        }
    }

    /** An {@code ExpressionAttributeValues} entry. */
    record Value(String placeholder, AttributeValue value) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            return value;
        }
    }

    /**
     * {@code size(path)}: a string's length, a binary's bytes, the elements of a set, list or map; no
     * value for other types, so the comparison it is in is false.
     */
    record Size(DocumentPath path) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            AttributeValue value = path.get(item);
            if (value == null) {
                return null;
            }
            switch (value.type()) {
                case S:
                    return AttributeValue.n(((AttributeValue.S) value).value().length());
                case B:
                    return AttributeValue.n(((AttributeValue.B) value).bytes().length);
                case SS:
                case NS:
                case BS:
                    return AttributeValue.n(((AttributeValue.SetValue) value).elements().size());
                case L:
                    return AttributeValue.n(((AttributeValue.L) value).values().size());
                case M:
                    return AttributeValue.n(((AttributeValue.M) value).values().size());
                default:
                    return null;
            }
        }
    }

    /** {@code if_not_exists(path, operand)} of SET. */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            AttributeValue value = path.get(item);
            return value != null ? value : required(fallback, item);
        }
    }

    /** {@code list_append(a, b)} of SET: both must be lists. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            AttributeValue a = required(first, item);
            AttributeValue b = required(second, item);
            if (!(a instanceof AttributeValue.L) || !(b instanceof AttributeValue.L)) {
                throw incorrectType();
            }
            List<AttributeValue> joined = new ArrayList<>(((AttributeValue.L) a).values());
            joined.addAll(((AttributeValue.L) b).values());
            return new AttributeValue.L(joined);
        }
    }

    /** {@code a + b} or {@code a - b} of SET: both must be numbers. */
    record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
        @Override
        public AttributeValue evaluate(AttributeMap item) {
            AttributeValue a = required(left, item);
            AttributeValue b = required(right, item);
            if (!(a instanceof AttributeValue.N) || !(b instanceof AttributeValue.N)) {
                throw incorrectType();
            }
            java.math.BigDecimal x = ((AttributeValue.N) a).value();
            java.math.BigDecimal y = ((AttributeValue.N) b).value();
            return AttributeValueCodec.number(plus ? x.add(y) : x.subtract(y));
        }
    }

    /** An operand of an update that must have a value. */
    static AttributeValue required(Operand operand, AttributeMap item) {
        AttributeValue value = operand.evaluate(item);
        if (value == null) {
            throw DynamoDbErrors.validation(
                    "The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    static RuntimeException incorrectType() {
        return DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
    }
}
