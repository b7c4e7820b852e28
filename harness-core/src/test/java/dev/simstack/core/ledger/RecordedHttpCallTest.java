package dev.simstack.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Ledger.recordHttpCall}: code outside the engine records the calls an HTTP dependency served, stamped
 * on the stack's clock, numbered and evicted like every other entry.
 */
class RecordedHttpCallTest {

    private static final StackConfig MANUAL = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(8);

    @Test
    void a_recorded_call_is_stamped_on_the_stack_clock_with_the_next_sequence_number() throws Exception {
        try (Stack stack = MANUAL.start()) {
            List<LedgerEntry> seen = new ArrayList<>();
            stack.clock().advance(Duration.ofSeconds(5));
            Instant now = stack.clock().now();
            LedgerEntry.HttpCall recorded;
            try (AutoCloseable subscription = stack.ledger().subscribe(seen::add)) {
                recorded = stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 201, null);
            }

            assertThat(recorded).isEqualTo(new LedgerEntry.HttpCall(recorded.sequence(), now, "payments", "POST",
                    "/charges", "o-1", 201, null));
            assertThat(stack.ledger().entries()).last().isEqualTo(recorded);
            assertThat(seen).containsExactly(recorded);
        }
    }

    @Test
    void recorded_calls_follow_the_ledger_limit() {
        try (Stack stack = MANUAL.withLedgerLimit(2).start()) {
            for (int i = 0; i < 3; i++) {
                stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-" + i, 0, "connection reset");
            }

            assertThat(stack.ledger().entries(LedgerEntry.HttpCall.class))
                    .extracting(LedgerEntry.HttpCall::businessKey).containsExactly("o-1", "o-2");
            assertThat(stack.ledger().evicted()).isEqualTo(1);
        }
    }
}
