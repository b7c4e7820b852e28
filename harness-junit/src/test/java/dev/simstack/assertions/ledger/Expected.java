package dev.simstack.assertions.ledger;

import dev.simstack.core.Stack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expected failure message written against one test's run: the ledger's sequence numbers go on across the
 * tests of a class and the clock is not rewound by a reset, so {@code {#3}} stands for the fourth entry the
 * test's ledger holds, {@code {t+31}} for 31 seconds after the test started, and {@code {name}} for a value
 * the test read (a message id).
 */
final class Expected {

    private static final Pattern TOKEN = Pattern.compile("\\{(#|t\\+)?([A-Za-z0-9-]+)}");

    private final long base;
    private final Instant start;
    private final Map<String, String> names = new LinkedHashMap<>();

    private Expected(long base, Instant start) {
        this.base = base;
        this.start = start;
    }

    /** For a test that started at {@code start}, read after it ran (its ledger holds its entries). */
    static Expected of(Stack stack, Instant start) {
        return new Expected(stack.ledger().entries().get(0).sequence(), start);
    }

    Expected name(String name, String value) {
        names.put(name, value);
        return this;
    }

    String text(String template) {
        Matcher token = TOKEN.matcher(template);
        StringBuilder text = new StringBuilder();
        while (token.find()) {
            String kind = token.group(1);
            String value = token.group(2);
            String replacement = kind == null ? names.get(value)
                    : kind.equals("#") ? "#" + (base + Long.parseLong(value))
                    : start.plusSeconds(Long.parseLong(value)).toString();
            if (replacement == null) {
                throw new IllegalArgumentException("no value for {" + value + "} in " + names.keySet());
            }
            token.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        token.appendTail(text);
        return text.toString();
    }
}
