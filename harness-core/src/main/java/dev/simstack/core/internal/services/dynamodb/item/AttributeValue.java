package dev.simstack.core.internal.services.dynamodb.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A DynamoDB attribute value, immutable and typed. Items are stored as these rather than as JSON
 * trees: a 200-byte item costs a few hundred bytes of heap, not kilobytes. Sets keep the order they
 * were written in but compare as sets, as DynamoDB compares them.
 */
public sealed interface AttributeValue {

    /** The data type descriptors of the wire form ({@code "S"}, {@code "NULL"}, ...). */
    enum Type {
        S, N, B, BOOL, NULL, SS, NS, BS, L, M;

        /** True for the three types a key attribute may have. */
        public boolean isScalarKeyType() {
            return this == S || this == N || this == B;
        }

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    Type type();

    static S s(String value) {
        return new S(value);
    }

    static N n(BigDecimal value) {
        return new N(value);
    }

    static N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    /**
     * A string, held as its UTF-8 bytes: that is DynamoDB's sort order and size measure, and it saves the
     * {@code String} object per value that large tables would otherwise pay.
     */
    final class S implements AttributeValue {
        private final byte[] utf8;

        public S(String value) {
            this.utf8 = value.getBytes(StandardCharsets.UTF_8);
        }

        public String value() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** The UTF-8 bytes; callers must not change them. */
        public byte[] utf8() {
            return utf8;
        }

        @Override
        public Type type() {
            return Type.S;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof S && Arrays.equals(utf8, ((S) other).utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return "S(" + value() + ")";
        }
    }

    /**
     * A number, always in canonical form (no trailing zeros), so that equals means numerically equal.
     * Numbers of up to 18 digits, nearly all of them, are held as an unscaled long and a scale rather
     * than a {@link BigDecimal}, which halves their heap.
     */
    final class N implements AttributeValue {
        private static final int COMPACT_DIGITS = 18;

        private final long unscaled;
        private final int scale;
        private final BigDecimal big;

        public N(BigDecimal value) {
            BigDecimal canonical = Numbers.canonical(value);
            if (canonical.precision() <= COMPACT_DIGITS) {
                this.unscaled = canonical.unscaledValue().longValue();
                this.scale = canonical.scale();
                this.big = null;
            } else {
                this.unscaled = 0;
                this.scale = 0;
                this.big = canonical;
            }
        }

        public BigDecimal value() {
            return big != null ? big : BigDecimal.valueOf(unscaled, scale);
        }

        @Override
        public Type type() {
            return Type.N;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof N)) {
                return false;
            }
            N that = (N) other;
            return big == null ? that.big == null && unscaled == that.unscaled && scale == that.scale
                    : big.equals(that.big);
        }

        @Override
        public int hashCode() {
            return big != null ? big.hashCode() : Long.hashCode(unscaled) * 31 + scale;
        }

        @Override
        public String toString() {
            return "N(" + value().toPlainString() + ")";
        }
    }

    /** A binary. */
    final class B implements AttributeValue {
        private final byte[] bytes;

        public B(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The bytes; callers must not change them. */
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public Type type() {
            return Type.B;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof B && Arrays.equals(bytes, ((B) other).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "B(" + bytes.length + " bytes)";
        }
    }

    /** A boolean. */
    enum Bool implements AttributeValue {
        FALSE, TRUE;

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        public boolean value() {
            return this == TRUE;
        }

        @Override
        public Type type() {
            return Type.BOOL;
        }
    }

    /** The NULL type (always {@code true} on the wire). */
    enum Null implements AttributeValue {
        NULL;

        @Override
        public Type type() {
            return Type.NULL;
        }
    }

    /**
     * A string, number or binary set: non-empty, without duplicates, compared as a set. {@code elements}
     * are {@link S}, {@link N} or {@link B} values.
     */
    final class SetValue implements AttributeValue {
        private final Type type;
        private final List<AttributeValue> elements;

        public SetValue(Type type, List<AttributeValue> elements) {
            this.type = type;
            this.elements = List.copyOf(elements);
        }

        @Override
        public Type type() {
            return type;
        }

        public List<AttributeValue> elements() {
            return elements;
        }

        public boolean contains(AttributeValue element) {
            return elements.contains(element);
        }

        /** The element type: S for SS, N for NS, B for BS. */
        public Type elementType() {
            return type == Type.SS ? Type.S : type == Type.NS ? Type.N : Type.B;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof SetValue)) {
                return false;
            }
            SetValue that = (SetValue) other;
            return type == that.type && elements.size() == that.elements.size()
                    && new HashSet<>(elements).containsAll(that.elements);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + new HashSet<>(elements).hashCode();
        }

        @Override
        public String toString() {
            return type + elements.toString();
        }
    }

    /** A list. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public Type type() {
            return Type.L;
        }
    }

    /** A map. */
    record M(AttributeMap values) implements AttributeValue {
        @Override
        public Type type() {
            return Type.M;
        }
    }
}
