package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SimStack's {@code assertThat} and AssertJ's, statically imported side by side, resolve without a clash. */
@SimStack(queues = @Queue(name = "orders"), clock = "manual", seed = 7)
class BothEntryPointsTest {

    @Test
    void both_assert_thats_can_be_imported_together(Stack stack) {
        assertThat(stack).queue("orders").isEmpty();                  // SimStackAssertions.assertThat(Stack)
        assertThat(stack.queue("orders").peek()).isEmpty();           // Assertions.assertThat(List)
        assertThat(List.of(stack.seed())).containsExactly(stack.seed());
        assertThat("orders").startsWith("ord");                       // Assertions.assertThat(String)
    }
}
