package dev.simstack.junit.internal.burst;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst's text templates (bodies, header values, route paths): {@code ${n}} is the request's 0-based
 * index, {@code ${seq}} its 1-based sequence number and {@code ${uuid}} a UUID drawn from the stack's seed
 * and the index, so a request gets the same UUID in every run and in every template it uses.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Template() {
    }

    /**
     * Fails on a placeholder other than the three.
     *
     * @param element where the template comes from, for the message, e.g. {@code @Burst(body)}
     */
    public static void check(String template, String element) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equals("n") && !name.equals("seq") && !name.equals("uuid")) {
                throw new IllegalArgumentException(element + " has an unknown placeholder ${" + name + "} in '"
                        + template + "': use ${n} (0-based index), ${seq} (1-based) or ${uuid}");
            }
        }
    }

    /** The template filled in for request {@code n} of a burst on a stack with seed {@code seed}. */
    public static String render(String template, long n, long seed) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        String text = template.replace("${n}", Long.toString(n)).replace("${seq}", Long.toString(n + 1));
        return text.contains("${uuid}") ? text.replace("${uuid}", uuid(seed, n).toString()) : text;
    }

    /** A version-4 UUID that depends only on the seed and the request's index. */
    static UUID uuid(long seed, long n) {
        // Mixing the index into the seed (rather than drawing in sequence) keeps each request's UUID the
        // same whichever templates use it.
        SplittableRandom random = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
