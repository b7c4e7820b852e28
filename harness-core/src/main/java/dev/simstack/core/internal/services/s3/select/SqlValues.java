package dev.simstack.core.internal.services.s3.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The values of S3 Select expressions: null, MISSING (an absent column or attribute), text, numbers
 * (always {@link BigDecimal}), booleans, and JSON maps and lists. CSV fields are text; where an operator
 * needs a number and text reads as one, the text is taken as that number (the engine's rule, so that
 * {@code WHERE s._2 > 3} works on CSV as users expect).
 */
final class SqlValues {

    /** An absent value: not null, and left out of JSON answers. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    private SqlValues() {
    }

    static boolean absent(Object value) {
        return value == null || value == MISSING;
    }

    /** A number for {@code value}, or null when it is not one and text does not read as one. */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number an arithmetic operator or aggregate needs; anything else is refused. */
    static BigDecimal requireNumber(Object value, String operation) {
        BigDecimal number = number(value);
        if (number == null) {
            throw SelectErrors.invalidArguments("The " + operation + " operation needs numbers; it got "
                    + render(value) + ".");
        }
        return number;
    }

    /** The order of two present values (numbers by value where both read as numbers, else as text). */
    static int compare(Object left, Object right) {
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (left instanceof Boolean x && right instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return render(left).compareTo(render(right));
    }

    static boolean equal(Object left, Object right) {
        return compare(left, right) == 0;
    }

    static Object arithmetic(String operator, Object left, Object right) {
        if (absent(left) || absent(right)) {
            return null;
        }
        BigDecimal a = requireNumber(left, operator);
        BigDecimal b = requireNumber(right, operator);
        return switch (operator) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> {
                if (b.signum() == 0) {
                    throw SelectErrors.of("DivisionByZero", "Division by zero.");
                }
                yield a.divide(b, MathContext.DECIMAL64).stripTrailingZeros();
            }
            default -> a.remainder(b);
        };
    }

    /** CAST's conversions; a value that does not convert is S3's CastFailed. */
    static Object cast(Object value, String type) {
        if (absent(value)) {
            return value;
        }
        switch (type.toUpperCase(Locale.ROOT)) {
            case "INT", "INTEGER", "BIGINT", "SMALLINT" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    throw SelectErrors.castFailed();
                }
                return number.setScale(0, RoundingMode.DOWN);
            }
            case "FLOAT", "DOUBLE", "REAL", "DECIMAL", "NUMERIC" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    throw SelectErrors.castFailed();
                }
                return number;
            }
            case "STRING", "VARCHAR", "CHAR" -> {
                return render(value);
            }
            case "BOOL", "BOOLEAN" -> {
                String text = render(value).trim();
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                throw SelectErrors.castFailed();
            }
            default -> throw SelectErrors.unsupported("CAST to " + type);
        }
    }

    /** Whether WHERE keeps a record with this condition value: only true does. */
    static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** The text of a value as CSV answers write it (null and MISSING: empty). */
    static String render(Object value) {
        if (absent(value)) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>) {
            return JsonText.write(value);
        }
        return String.valueOf(value);
    }
}
