package dev.simstack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSpecTest {

    @Test
    void parses_the_launcher_forms() {
        assertThat(ClockSpec.parse("real").mode()).isEqualTo(SimClock.Mode.REAL);
        assertThat(ClockSpec.parse("manual").mode()).isEqualTo(SimClock.Mode.MANUAL);
        assertThat(ClockSpec.parse("manual:2030-05-01T00:00:00Z").start()).isEqualTo(Instant.parse("2030-05-01T00:00:00Z"));
        assertThat(ClockSpec.parse("scaled:100").scale()).isEqualTo(100.0);
        assertThatThrownBy(() -> ClockSpec.parse("fast")).hasMessageContaining("scaled:<factor>");
        assertThatThrownBy(() -> ClockSpec.scaled(0)).hasMessageContaining("above 0");
    }

    @Test
    void a_scaled_clock_runs_faster_than_wall_time() throws InterruptedException {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.scaled(1000)).start()) {
            Instant before = stack.clock().now();
            Thread.sleep(20);
            assertThat(Duration.between(before, stack.clock().now())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void only_a_manual_clock_can_be_advanced() {
        try (Stack stack = StackConfig.defaults().start()) {
            assertThatThrownBy(() -> stack.clock().advance(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ClockSpec.manual()");
        }
    }
}
