package dev.simstack.sample.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's options: {@code --orders 1000 --window 10m --seed 42 --out target/simstack-demo}.
 *
 * @param orders how many orders the burst sends
 * @param window over how long, on the stack's manual clock
 * @param seed the stack's seed: the same seed gives the same run
 * @param output where the report goes
 */
record DemoOptions(int orders, Duration window, long seed, Path output) {

    static final String USAGE = """
            Usage: java -jar sample-demo/target/simstack-demo.jar [options]
              --orders N     orders to send (default 1000)
              --window D     over how long, on the stack's manual clock: 500ms, 30s, 10m, 1h or ISO PT10M (default 10m)
              --seed N       the stack's seed; the same seed gives the same summary (default 42)
              --out DIR      where to write the HTML report (default target/simstack-demo)
              --help         this text""";

    static DemoOptions defaults() {
        return new DemoOptions(1000, Duration.ofMinutes(10), 42, Path.of("target", "simstack-demo"));
    }

    /** The options in {@code args}; an {@link IllegalArgumentException} says which one is wrong. */
    static DemoOptions parse(String... args) {
        DemoOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.equals("--help") ? "" : "unknown option or missing value: "
                        + name);
            }
            String value = args[++i];
            options = switch (name) {
                case "--orders" -> new DemoOptions(positive(name, value), options.window, options.seed, options.output);
                case "--window" -> new DemoOptions(options.orders, duration(value), options.seed, options.output);
                case "--seed" -> new DemoOptions(options.orders, options.window, number(name, value), options.output);
                case "--out" -> new DemoOptions(options.orders, options.window, options.seed, Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return options;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, got '" + value + "'");
        }
    }

    private static int positive(String name, String value) {
        long n = number(name, value);
        if (n < 1 || n > 1_000_000) {
            throw new IllegalArgumentException(name + " takes a number from 1 to 1000000, got " + value);
        }
        return (int) n;
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (value.startsWith("pt")) {
                parsed = Duration.parse(text.trim());
            } else if (value.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                parsed = switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new NumberFormatException();
                };
            }
            if (parsed.isNegative() || parsed.isZero()) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--window takes a positive duration such as 500ms, 30s, 10m, 1h or "
                    + "PT10M, got '" + text + "'");
        }
    }
}
