package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Ledger;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstResult;
import org.apiguardian.api.API;

/**
 * The entry point of SimStack's assertions, in AssertJ's style: {@code assertThat(stack)} and navigate to a
 * queue, a function or an API, or {@code assertThat(burst)}. The overloads take SimStack's types only, so the
 * class can be statically imported beside AssertJ's {@code Assertions.assertThat}:
 *
 * <pre>{@code
 * assertThat(stack).queue("orders").eventually().isEmpty();
 * assertThat(stack).queue("orders-dlq").hasDepth(1).containsExactlyBodies("{\"id\":\"poison\"}");
 * assertThat(stack).function("worker").hasNoErrors().hasMaxConcurrencyAtMost(5);
 * }</pre>
 *
 * <p>Nothing here needs JUnit: the assertions work in jqwik properties and in plain code. docs/assertions.md is
 * the reference; {@link SimStackSoftAssertions} collects failures instead of stopping at the first.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SimStackAssertions {

    private SimStackAssertions() {
    }

    /**
     * Assertions on a running stack: its queues, functions and APIs, read through its handles and its ledger.
     *
     * @param stack the stack
     * @return the stack's assert, to navigate from
     */
    public static StackAssert assertThat(Stack stack) {
        return new StackAssert(stack);
    }

    /**
     * Assertions read from a ledger alone: on a remote backend, the injected {@code Ledger} of what the test's own
     * clients saw; the delivery and idempotency checks that such a ledger can answer (see {@link LedgerAssert}).
     *
     * @param ledger the ledger
     * @return the ledger's assert, to navigate from
     */
    public static LedgerAssert assertThat(Ledger ledger) {
        return new LedgerAssert(ledger);
    }

    /**
     * Assertions on what a burst did ({@code @Burst} or {@code Bursts.fire}).
     *
     * @param burst the burst's result
     * @return its assert
     */
    public static BurstResultAssert assertThat(BurstResult burst) {
        return new BurstResultAssert(burst);
    }
}
