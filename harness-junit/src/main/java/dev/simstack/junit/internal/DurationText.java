package dev.simstack.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an annotation's durations: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /** The duration, or {@code null} when the text is none of the forms. */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher matcher = SHORT.matcher(t);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                default:
                    return Duration.ofHours(amount);
            }
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
