package dev.simstack.core.internal.services.dynamodb.item;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to 9.99...E+125, and the
 * canonical form DynamoDB answers (no leading or trailing zeros, {@code -0} is {@code 0}).
 */
public final class Numbers {

    private static final int MAX_DIGITS = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;
    /** Longer number texts are refused before parsing: no valid DynamoDB number needs more. */
    private static final int MAX_TEXT = 400;
    private static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";

    private Numbers() {
    }

    /** Parses and validates a number as the wire sends it. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        if (text.isEmpty() || text.length() > MAX_TEXT || !plausible(text)) {
            throw DynamoDbErrors.validation(NOT_A_NUMBER);
        }
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw DynamoDbErrors.validation(NOT_A_NUMBER);
        }
        return validate(value);
    }

    /** Checks a computed or parsed number against DynamoDB's precision and range; answers it canonical. */
    public static BigDecimal validate(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        if (canonical.precision() > MAX_DIGITS) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        long exponent = (long) canonical.precision() - canonical.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw DynamoDbErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoDbErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return canonical;
    }

    /** The value without trailing zeros; zero as plain {@code 0}. */
    public static BigDecimal canonical(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** The text DynamoDB answers for a number: plain digits, no exponent, no superfluous zeros. */
    public static String format(BigDecimal value) {
        return value.toPlainString();
    }

    /** Significant digits, for the item size formula. */
    public static int significantDigits(BigDecimal value) {
        return value.signum() == 0 ? 1 : value.precision();
    }

    private static boolean plausible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}
