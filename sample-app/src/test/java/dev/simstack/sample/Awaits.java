package dev.simstack.sample;

import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits in wall time while the stack's manual clock stands still: the worker runs on the stack's threads, and a
 * test that moved the clock while it ran (as {@code eventually()} does) could see the worker's 30 s timeout pass,
 * or would step through a 180 s visibility timeout 100 ms at a time. The fault tests wait for the stack to settle,
 * then move the clock by exactly what they mean (the visibility timeout, a throttle's window) and wait again.
 */
final class Awaits {

    /** The queue's visibility timeout (template.yaml): a failed batch is visible again this long after it was received. */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(180);

    private Awaits() {
    }

    /** Waits until {@code check} holds, at most 10 s of wall time. */
    static void until(ThrowingRunnable check) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).untilAsserted(check);
    }

    /** Waits until the worker has been invoked {@code count} times (whatever the outcome), and the invocations ended. */
    static void invocations(Stack stack, int count) {
        until(() -> org.assertj.core.api.Assertions.assertThat(stack.function(OrdersApp.WORKER).invocations())
                .hasSize(count));
    }

    /**
     * Waits until the worker has handled every message delivered from the orders queue so far: each delivery in
     * the ledger is carried by an invocation that has ended (whatever its outcome). Then the clock may move.
     */
    static void settled(Stack stack) {
        until(() -> org.assertj.core.api.Assertions.assertThat(handled(stack)).isEqualTo(delivered(stack)));
    }

    /** The deliveries from the orders queue so far, as the ledger records them. */
    static long delivered(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(step -> step.kind() == LedgerEntry.MessageEvent.DELIVERED)
                .filter(step -> step.queue().equals(stack.queue(OrdersApp.QUEUE).ref())).count();
    }

    private static long handled(Stack stack) {
        return stack.function(OrdersApp.WORKER).invocations().stream()
                .mapToLong(invocation -> invocation.carried() == null ? 0 : invocation.carried().size()).sum();
    }

    /**
     * Lets the worker work off every order: waits until it has handled what it received, and while failed
     * messages wait for their visibility timeout, moves the clock past it, until the queue is empty (each failed
     * order paid on a later delivery, or moved to the dead-letter queue on the receive after its third).
     */
    static void workedOff(Stack stack) {
        for (int round = 0; round < 5; round++) {
            until(() -> org.assertj.core.api.Assertions.assertThat(stack.queue(OrdersApp.QUEUE).depth().visible())
                    .isZero());
            settled(stack);
            if (stack.queue(OrdersApp.QUEUE).depth().total() == 0) {
                return;
            }
            stack.clock().advance(VISIBILITY_TIMEOUT);
        }
        drained(stack);
    }

    /** Waits until nothing is left in the orders queue: no message visible, in flight or delayed. */
    static void drained(Stack stack) {
        until(() -> org.assertj.core.api.Assertions.assertThat(stack.queue(OrdersApp.QUEUE).depth().total()).isZero());
    }
}
