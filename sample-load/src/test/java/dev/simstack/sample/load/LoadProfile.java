package dev.simstack.sample.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.SimClock;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How many orders the simulation places over which window of the stack's clock, and that clock. Gatling paces
 * its users in wall time, so the window is played in {@code window / scale} of wall time. The default is the
 * demo's 1,000 orders in one minute of a real clock (the sample app's burst test): seventeen a second against
 * the stage's one a second and ten at once. A scaled clock would play the demo's ten minutes in one, but it also
 * shrinks every timeout on the stack's clock in wall time (API Gateway's 29 s integration timeout, the worker's
 * 30 s): at ten times, a handler slowed to 3 s by two busy cores times out, and the run measures the machine,
 * not the app. The first sixth of the window ramps the arrival rate up from one order a second; the rest holds it.
 *
 * @param orders the orders to place, about (Gatling rounds its arrivals)
 * @param window the window, on the stack's clock
 * @param clock the stack's clock: real or scaled (a manual clock would stand still under Gatling)
 * @param seed the stack's seed
 */
record LoadProfile(int orders, Duration window, ClockSpec clock, long seed) {

    LoadProfile {
        if (clock.mode() == SimClock.Mode.MANUAL) {
            throw new IllegalArgumentException("load.clock=" + clock + ": a manual clock stands still while Gatling"
                    + " paces its users in wall time; use real or scaled:N");
        }
        if (orders < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("load.orders and load.window must be positive, got " + orders + " and "
                    + window);
        }
    }

    /** From {@code -Dload.orders=1000 -Dload.window=1m -Dload.clock=real -Dload.seed=42} (those are the defaults). */
    static LoadProfile fromSystemProperties() {
        return new LoadProfile(Integer.parseInt(System.getProperty("load.orders", "1000")),
                duration(System.getProperty("load.window", "1m")),
                ClockSpec.parse(System.getProperty("load.clock", "real")),
                Long.parseLong(System.getProperty("load.seed", "42")));
    }

    /** The window in wall time. */
    Duration wallWindow() {
        return clock.mode() == SimClock.Mode.SCALED
                ? Duration.ofNanos(Math.round(window.toNanos() / clock.scale())) : window;
    }

    /** The ramp, then the steady arrival rate that places {@link #orders} in the wall window. */
    List<OpenInjectionStep> injection() {
        double wallSeconds = wallWindow().toNanos() / 1e9;
        double rampSeconds = wallSeconds / 6;
        // orders = (1 + rate) / 2 * ramp + rate * (window - ramp)
        double rate = Math.max(1, (orders - rampSeconds / 2) / (wallSeconds - rampSeconds / 2));
        Duration ramp = Duration.ofMillis(Math.round(rampSeconds * 1000));
        return List.of(rampUsersPerSec(1).to(rate).during(ramp),
                constantUsersPerSec(rate).during(wallWindow().minus(ramp)));
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(value);
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("load.window takes 500ms, 30s, 10m, 1h or PT10M, got '"
                    + text + "'");
        };
    }
}
