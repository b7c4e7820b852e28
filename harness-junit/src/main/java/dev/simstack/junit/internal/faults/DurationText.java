package dev.simstack.junit.internal.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration written in a fault annotation: {@code 250ms}, {@code 2s}, {@code 1m}, or ISO-8601 ({@code PT2S}). */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private DurationText() {
    }

    /**
     * The duration {@code text} writes, or null when it is empty.
     *
     * @throws IllegalArgumentException naming the attribute and the forms it takes
     */
    static Duration parse(String attribute, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return null;
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(attribute + " = \"" + text + "\" is not a duration like 250ms, 10s, 1m"
                    + " or PT10S", e);
        }
    }
}
