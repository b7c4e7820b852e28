package dev.simstack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.SimClock;
import dev.simstack.core.internal.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Runnable> immediate = new ArrayList<>();
    private final ManualClock clock = new ManualClock(START, immediate::add);

    @Test
    void stands_still_until_advanced() {
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofSeconds(30));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void advance_fires_due_timers_in_instant_order_with_the_clock_at_their_instant() {
        List<String> fired = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(20), () -> fired.add("20s at " + clock.now()));
        clock.schedule(Duration.ofSeconds(5), () -> fired.add("5s at " + clock.now()));
        clock.schedule(Duration.ofSeconds(90), () -> fired.add("90s"));

        clock.advance(Duration.ofSeconds(60));

        assertThat(fired).containsExactly("5s at " + START.plusSeconds(5), "20s at " + START.plusSeconds(20));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void a_timer_scheduled_by_a_timer_fires_in_the_same_advance_when_due() {
        List<Instant> fired = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(1), () -> fired.add(clock.now())));
        clock.advance(Duration.ofSeconds(5));
        assertThat(fired).containsExactly(START.plusSeconds(2));
    }

    @Test
    void cancelled_timers_do_not_fire() {
        List<String> fired = new ArrayList<>();
        SimClock.Timer timer = clock.schedule(Duration.ofSeconds(1), () -> fired.add("x"));
        timer.cancel();
        clock.advance(Duration.ofSeconds(2));
        assertThat(fired).isEmpty();
    }

    @Test
    void a_timer_already_due_runs_on_the_timer_executor_at_once() {
        List<String> fired = new ArrayList<>();
        clock.schedule(START.minusSeconds(1), () -> fired.add("late"));
        assertThat(immediate).hasSize(1);
        immediate.get(0).run();
        assertThat(fired).containsExactly("late");
    }

    @Test
    void time_never_moves_backwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forward");
    }
}
