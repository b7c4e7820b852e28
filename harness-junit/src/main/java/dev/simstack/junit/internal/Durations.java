package dev.simstack.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as annotations write them: {@code 250ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT10M}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * The duration {@code text} says.
     *
     * @param element what it is, for the message, e.g. {@code @Burst(over)}
     * @throws IllegalArgumentException naming {@code element} and the forms it takes
     */
    public static Duration parse(String text, String element) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                default:
                    return Duration.ofDays(n);
            }
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(element + " = \"" + text + "\" is not a duration: write it as 250ms,"
                    + " 30s, 10m, 1h, 1d or ISO-8601 like PT10M");
        }
    }
}
