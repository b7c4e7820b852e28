package dev.simstack.core.internal.services.dynamodb.item;

import java.util.Arrays;
import java.util.Comparator;

/**
 * DynamoDB's order of scalar values, used for sort keys and for {@code <}, {@code BETWEEN} and friends:
 * strings by their UTF-8 bytes, numbers numerically, binaries by unsigned bytes.
 */
public final class ValueOrder {

    /** Orders key values: by type first (a table's keys share one type), then by value. */
    public static final Comparator<AttributeValue> KEYS = ValueOrder::compareKeys;

    private ValueOrder() {
    }

    /** True if {@code <} and friends apply to both values: the same scalar type, S, N or B. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.type() == b.type() && a.type().isScalarKeyType();
    }

    /** Compares two values of the same scalar type. */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S) {
            return Arrays.compareUnsigned(((AttributeValue.S) a).utf8(), ((AttributeValue.S) b).utf8());
        }
        if (a instanceof AttributeValue.N) {
            return ((AttributeValue.N) a).value().compareTo(((AttributeValue.N) b).value());
        }
        return Arrays.compareUnsigned(((AttributeValue.B) a).bytes(), ((AttributeValue.B) b).bytes());
    }

    private static int compareKeys(AttributeValue a, AttributeValue b) {
        if (a.type() != b.type()) {
            return a.type().compareTo(b.type());
        }
        return compare(a, b);
    }
}
