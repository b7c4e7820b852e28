package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.MessageMatcher;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the SQS fault annotations' declarations share: the queue check, the matcher, durations. */
final class SqsFaultAnnotations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private SqsFaultAnnotations() {
    }

    /** Checks that {@code queue} is a queue of {@code stack} (the error lists those there are). */
    static String queue(Stack stack, String queue) {
        stack.queue(queue);
        return queue;
    }

    static MessageMatcher matcher(String bodyContains, String bodyMatches, String attribute) {
        List<String> given = new ArrayList<>();
        if (!bodyContains.isEmpty()) {
            given.add("bodyContains");
        }
        if (!bodyMatches.isEmpty()) {
            given.add("bodyMatches");
        }
        if (!attribute.isEmpty()) {
            given.add("attribute");
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("give one of bodyContains, bodyMatches, attribute, not " + given);
        }
        if (!bodyContains.isEmpty()) {
            return MessageMatcher.bodyContains(bodyContains);
        }
        if (!bodyMatches.isEmpty()) {
            return MessageMatcher.bodyMatches(bodyMatches);
        }
        if (!attribute.isEmpty()) {
            int equals = attribute.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("attribute '" + attribute + "' is not name=value, e.g."
                        + " type=refund");
            }
            return MessageMatcher.attribute(attribute.substring(0, equals), attribute.substring(equals + 1));
        }
        return MessageMatcher.any();
    }

    static Duration duration(String attribute, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(attribute + " = \"" + text + "\" is not a duration like 250ms, 5s, 1m"
                    + " or PT5S");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
