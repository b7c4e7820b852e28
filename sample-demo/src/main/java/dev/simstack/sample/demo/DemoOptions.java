package dev.simstack.sample.demo;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.SimClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's options: {@code --orders 1000 --window 10m --seed 42 --out target/simstack-demo}, the fault rates
 * ({@code --duplicate-rate 0.05 --throttle-rate 0.02}), the clock ({@code --clock manual}, {@code --real-clock})
 * and the price table ({@code --prices FILE}).
 *
 * @param orders how many orders the burst sends
 * @param window over how long, on the stack's clock
 * @param seed the stack's seed: the same seed gives the same run (on a manual clock)
 * @param output where the report goes
 * @param duplicateRate the share of the queue's messages delivered twice (0 turns the fault off)
 * @param throttleRate the share of DynamoDB calls on the orders table answered with a throttling error (0: off)
 * @param clock the stack's clock: {@code manual}, {@code real} or {@code scaled:N}
 * @param prices a price table of the caller's, or {@code null} for the demo's own
 */
record DemoOptions(int orders, Duration window, long seed, Path output, double duplicateRate, double throttleRate,
        String clock, Path prices) {

    static final String USAGE = """
            Usage: java -jar sample-demo/target/simstack-demo.jar [options]
              --orders N            orders to send (default 1000)
              --window D            over how long, on the stack's clock: 500ms, 30s, 10m, 1h or ISO PT10M
                                    (default 10m; 1m on a real clock, where the window passes in wall time)
              --seed N              the stack's seed; on a manual clock the same seed gives the same summary (default 42)
              --duplicate-rate R    share of the orders queue's messages delivered twice, 0 to 1 (default 0.05; 0: off)
              --throttle-rate R     share of DynamoDB calls on the orders table throttled, 0 to 1 (default 0.02; 0: off)
              --clock C             manual (default), real or scaled:N (N virtual seconds per second of wall time; keep
                                    N at 5 or below: the functions' 30 s timeout runs on the stack's clock)
              --real-clock          the same as --clock real: the run takes the window in wall time, so give a short
                                    one (--window 30s); counts then vary from run to run
              --prices FILE         a price table of your own, in the columns of the demo's prices.csv
              --out DIR             where to write the HTML report (default target/simstack-demo)
              --help                this text""";

    static DemoOptions defaults() {
        return new DemoOptions(1000, Duration.ofMinutes(10), 42, Path.of("target", "simstack-demo"), 0.05, 0.02,
                "manual", null);
    }

    /** The options in {@code args}; an {@link IllegalArgumentException} says which one is wrong. */
    static DemoOptions parse(String... args) {
        DemoOptions options = defaults();
        boolean windowGiven = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--real-clock")) {
                options = options.withClock("real");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.equals("--help") ? "" : "unknown option or missing value: "
                        + name);
            }
            String value = args[++i];
            windowGiven |= name.equals("--window");
            options = options.with(name, value);
        }
        if (!windowGiven && clockSpec(options.clock).mode() == SimClock.Mode.REAL) {
            options = options.withWindow(Duration.ofMinutes(1));
        }
        return options;
    }

    private DemoOptions with(String name, String value) {
        return switch (name) {
            case "--orders" -> new DemoOptions(positive(name, value), window, seed, output, duplicateRate,
                    throttleRate, clock, prices);
            case "--window" -> withWindow(duration(value));
            case "--seed" -> new DemoOptions(orders, window, number(name, value), output, duplicateRate,
                    throttleRate, clock, prices);
            case "--out" -> new DemoOptions(orders, window, seed, Path.of(value), duplicateRate, throttleRate, clock,
                    prices);
            case "--duplicate-rate" -> new DemoOptions(orders, window, seed, output, rate(name, value), throttleRate,
                    clock, prices);
            case "--throttle-rate" -> new DemoOptions(orders, window, seed, output, duplicateRate, rate(name, value),
                    clock, prices);
            case "--clock" -> withClock(value);
            case "--prices" -> new DemoOptions(orders, window, seed, output, duplicateRate, throttleRate, clock,
                    Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    private DemoOptions withWindow(Duration next) {
        return new DemoOptions(orders, next, seed, output, duplicateRate, throttleRate, clock, prices);
    }

    private DemoOptions withClock(String next) {
        clockSpec(next);
        return new DemoOptions(orders, window, seed, output, duplicateRate, throttleRate, next, prices);
    }

    /** The stack's clock. */
    ClockSpec clockSpec() {
        return clockSpec(clock);
    }

    private static ClockSpec clockSpec(String text) {
        try {
            return ClockSpec.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--clock takes manual, real or scaled:N (N above 0), got '" + text
                    + "'");
        }
    }

    /** {@code 5} for 5.0, {@code 2.5} for 2.5. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
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

    private static double rate(String name, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as a rate out of range
        }
        throw new IllegalArgumentException(name + " takes a share from 0 to 1 such as 0.05 (0 turns the fault off), "
                + "got '" + value + "'");
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
