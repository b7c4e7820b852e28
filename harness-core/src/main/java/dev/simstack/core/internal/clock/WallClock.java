package dev.simstack.core.internal.clock;

import dev.simstack.core.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time, optionally sped up: virtual time runs {@code scale} times as fast as real time from
 * the moment the clock was made. Timers run on the stack's timer thread.
 */
public final class WallClock extends SimClock {

    private static final Duration MAX_DELAY = Duration.ofDays(3650);

    private final ScheduledExecutorService timers;
    private final double scale;
    private final Instant origin;
    private final long originNanos;

    public WallClock(double scale, ScheduledExecutorService timers) {
        this.scale = scale;
        this.timers = timers;
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
    }

    @Override
    public Instant now() {
        // Derived from the same monotonic source the timers use, so a timer never fires "early" by
        // the difference between the wall clock and nanoTime.
        long elapsed = System.nanoTime() - originNanos;
        return origin.plusNanos(scale == 1.0 ? elapsed : (long) (elapsed * scale));
    }

    @Override
    public Mode mode() {
        return scale == 1.0 ? Mode.REAL : Mode.SCALED;
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        Duration virtual = Duration.between(now(), at);
        // A timer years away (a clamp of a huge retention, say) must not overflow the nanosecond count.
        long virtualNanos = virtual.compareTo(MAX_DELAY) > 0 ? MAX_DELAY.toNanos() : virtual.toNanos();
        long realNanos = Math.max(0, (long) (virtualNanos / scale));
        ScheduledFuture<?> future = timers.schedule(task, realNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
