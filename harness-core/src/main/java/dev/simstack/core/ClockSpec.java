package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a stack's {@link SimClock} runs: in real time, only when a test advances it, or scaled (N virtual
 * seconds per real second). A value; each stack builds its own clock from it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ClockSpec {

    private final SimClock.Mode mode;
    private final Instant start;
    private final double scale;

    private ClockSpec(SimClock.Mode mode, Instant start, double scale) {
        this.mode = mode;
        this.start = start;
        this.scale = scale;
    }

    /** Wall-clock time: what a deployed app sees. The default. */
    public static ClockSpec real() {
        return new ClockSpec(SimClock.Mode.REAL, null, 1.0);
    }

    /** A clock that stands still until {@link SimClock#advance} moves it; starts at {@code start}. */
    public static ClockSpec manual(Instant start) {
        return new ClockSpec(SimClock.Mode.MANUAL, Objects.requireNonNull(start, "start"), 1.0);
    }

    /** A clock that stands still, starting at 2026-01-01T00:00:00Z. */
    public static ClockSpec manual() {
        return manual(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A clock that runs {@code virtualSecondsPerRealSecond} times faster than wall time, so that a
     * 30-second visibility timeout passes in 0.3 s at a scale of 100.
     */
    public static ClockSpec scaled(double virtualSecondsPerRealSecond) {
        if (!(virtualSecondsPerRealSecond > 0) || Double.isInfinite(virtualSecondsPerRealSecond)) {
            throw new IllegalArgumentException(
                    "a scaled clock needs a finite factor above 0, got " + virtualSecondsPerRealSecond);
        }
        return new ClockSpec(SimClock.Mode.SCALED, null, virtualSecondsPerRealSecond);
    }

    /** Parses {@code real}, {@code manual}, {@code manual:2026-01-01T00:00:00Z} or {@code scaled:N}. */
    public static ClockSpec parse(String text) {
        String t = text.trim();
        if (t.equals("real")) {
            return real();
        }
        if (t.equals("manual")) {
            return manual();
        }
        if (t.startsWith("manual:")) {
            return manual(Instant.parse(t.substring("manual:".length())));
        }
        if (t.startsWith("scaled:")) {
            return scaled(Double.parseDouble(t.substring("scaled:".length())));
        }
        throw new IllegalArgumentException(
                "unknown clock '" + text + "': use real, manual, manual:<ISO instant> or scaled:<factor>");
    }

    /** How the clock runs: real, manual or scaled. */
    public SimClock.Mode mode() {
        return mode;
    }

    /** The start instant of a manual clock; {@code null} for the others, which start at wall time. */
    public Instant start() {
        return start;
    }

    /** Virtual seconds per real second; 1 for real and manual clocks. */
    public double scale() {
        return scale;
    }

    @Override
    public String toString() {
        switch (mode) {
            case MANUAL:
                return "manual:" + start;
            case SCALED:
                return "scaled:" + scale;
            default:
                return "real";
        }
    }
}
