package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ValueOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed condition or filter, evaluated against an item. As in DynamoDB, a comparison involving a
 * missing attribute or values of different types is false, except {@code <>}, which is then true.
 */
public sealed interface Condition {

    boolean test(AttributeMap item);

    /** The top-level attributes the condition reads, for rules about which attributes it may name. */
    static java.util.Set<String> attributes(Condition condition) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collect(condition, names);
        return names;
    }

    private static void collect(Condition condition, java.util.Set<String> names) {
        if (condition instanceof And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (condition instanceof Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (condition instanceof Not not) {
            collect(not.condition(), names);
        } else if (condition instanceof Compare compare) {
            collect(compare.left(), names);
            collect(compare.right(), names);
        } else if (condition instanceof Between between) {
            collect(between.value(), names);
            collect(between.lower(), names);
            collect(between.upper(), names);
        } else if (condition instanceof In in) {
            collect(in.value(), names);
            in.options().forEach(option -> collect(option, names));
        } else if (condition instanceof Exists exists) {
            names.add(exists.path().attribute());
        } else if (condition instanceof AttributeType type) {
            names.add(type.path().attribute());
        } else if (condition instanceof BeginsWith begins) {
            collect(begins.value(), names);
        } else if (condition instanceof Contains contains) {
            collect(contains.value(), names);
            collect(contains.element(), names);
        }
    }

    private static void collect(Operand operand, java.util.Set<String> names) {
        if (operand instanceof Operand.Path path) {
            names.add(path.path().attribute());
        } else if (operand instanceof Operand.Size size) {
            names.add(size.path().attribute());
        }
    }

    /** The comparison operators. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(AttributeValue a, AttributeValue b) {
            if (this == EQ) {
                return a != null && a.equals(b);
            }
            if (this == NE) {
                return a == null || !a.equals(b);
            }
            if (!ValueOrder.comparable(a, b)) {
                return false;
            }
            int order = ValueOrder.compare(a, b);
            switch (this) {
                case LT:
                    return order < 0;
                case LE:
                    return order <= 0;
                case GT:
                    return order > 0;
                default:
                    return order >= 0;
            }
        }
    }

    record Compare(Comparator comparator, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            return comparator.holds(left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            AttributeValue v = value.evaluate(item);
            return Comparator.GE.holds(v, lower.evaluate(item)) && Comparator.LE.holds(v, upper.evaluate(item));
        }
    }

    record In(Operand value, List<Operand> options) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            AttributeValue v = value.evaluate(item);
            if (v == null) {
                return false;
            }
            for (Operand option : options) {
                if (v.equals(option.evaluate(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            return !condition.test(item);
        }
    }

    /** {@code attribute_exists(path)} or, with {@code exists} false, {@code attribute_not_exists(path)}. */
    record Exists(DocumentPath path, boolean exists) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            return (path.get(item) != null) == exists;
        }
    }

    record AttributeType(DocumentPath path, Operand type) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            AttributeValue value = path.get(item);
            AttributeValue wanted = type.evaluate(item);
            return value != null && wanted instanceof AttributeValue.S
                    && value.type().name().equals(((AttributeValue.S) wanted).value());
        }
    }

    /** {@code begins_with(path, prefix)} for strings and binaries. */
    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue p = prefix.evaluate(item);
            byte[] bytes;
            byte[] start;
            if (v instanceof AttributeValue.S && p instanceof AttributeValue.S) {
                // a string prefix is a prefix of the UTF-8 bytes, and UTF-8 is how strings are held
                bytes = ((AttributeValue.S) v).utf8();
                start = ((AttributeValue.S) p).utf8();
            } else if (v instanceof AttributeValue.B && p instanceof AttributeValue.B) {
                bytes = ((AttributeValue.B) v).bytes();
                start = ((AttributeValue.B) p).bytes();
            } else {
                return false;
            }
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
    }

    /** {@code contains(path, operand)}: a substring, a set member or a list element. */
    record Contains(Operand value, Operand element) implements Condition {
        @Override
        public boolean test(AttributeMap item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue e = element.evaluate(item);
            if (v == null || e == null) {
                return false;
            }
            if (v instanceof AttributeValue.S) {
                return e instanceof AttributeValue.S && ((AttributeValue.S) v).value().contains(((AttributeValue.S) e)
                        .value());
            }
            if (v instanceof AttributeValue.B) {
                return e instanceof AttributeValue.B && indexOf(((AttributeValue.B) v).bytes(),
                        ((AttributeValue.B) e).bytes()) >= 0;
            }
            if (v instanceof AttributeValue.SetValue) {
                return ((AttributeValue.SetValue) v).contains(e);
            }
            if (v instanceof AttributeValue.L) {
                return ((AttributeValue.L) v).values().contains(e);
            }
            return false;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
