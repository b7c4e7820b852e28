package dev.simstack.core.internal.services.s3.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The scalar functions the engine serves; others are refused by name. */
final class ScalarFunctions {

    static final Set<String> NAMES = Set.of("LOWER", "UPPER", "CHAR_LENGTH", "CHARACTER_LENGTH", "TRIM",
            "SUBSTRING", "COALESCE", "NULLIF");

    private ScalarFunctions() {
    }

    static Object apply(String function, List<Object> values) {
        return switch (function) {
            case "COALESCE" -> values.stream().filter(v -> !SqlValues.absent(v)).findFirst().orElse(null);
            case "NULLIF" -> {
                arity(function, values, 2, 2);
                yield !SqlValues.absent(values.get(0)) && !SqlValues.absent(values.get(1))
                        && SqlValues.equal(values.get(0), values.get(1)) ? null : values.get(0);
            }
            default -> text(function, values);
        };
    }

    private static Object text(String function, List<Object> values) {
        arity(function, values, 1, function.equals("SUBSTRING") ? 3 : 1);
        Object value = values.get(0);
        if (SqlValues.absent(value)) {
            return value;
        }
        String text = SqlValues.render(value);
        return switch (function) {
            case "LOWER" -> text.toLowerCase(Locale.ROOT);
            case "UPPER" -> text.toUpperCase(Locale.ROOT);
            case "TRIM" -> text.strip();
            case "SUBSTRING" -> substring(text, values);
            default -> BigDecimal.valueOf(text.codePointCount(0, text.length()));
        };
    }

    /** SUBSTRING(text, start[, length]) with SQL's 1-based start. */
    private static String substring(String text, List<Object> values) {
        int start = SqlValues.requireNumber(values.get(1), "SUBSTRING").intValue();
        int end = values.size() > 2 ? start + SqlValues.requireNumber(values.get(2), "SUBSTRING").intValue()
                : Integer.MAX_VALUE;
        int from = Math.max(start, 1) - 1;
        int to = Math.min(end - 1, text.length());
        return from >= to ? "" : text.substring(from, to);
    }

    private static void arity(String function, List<Object> values, int least, int most) {
        if (values.size() < least || values.size() > most) {
            throw SelectErrors.of("IncorrectSqlFunctionArgumentType", "Function " + function + " takes "
                    + (least == most ? least : least + " to " + most) + " arguments, not " + values.size() + ".");
        }
    }
}
