package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import dev.simstack.junit.BurstResult;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * SimStack's assertions, collecting their failures instead of stopping at the first, in AssertJ's way
 * ({@link org.assertj.core.api.SoftAssertionsProvider}): the asserts are proxies, and so are the ones they
 * navigate to (a queue, a dead-letter queue, an eventual check). {@link #assertAll()} throws the failures
 * together.
 *
 * <pre>{@code
 * SimStackSoftAssertions softly = new SimStackSoftAssertions();
 * softly.assertThat(stack).queue("orders").isEmpty();
 * softly.assertThat(stack).function("worker").hasNoErrors();
 * softly.assertAll();
 * }</pre>
 *
 * <p>Or {@code SoftAssertionsProvider.assertSoftly(SimStackSoftAssertions.class, softly -> ...)}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class SimStackSoftAssertions extends AbstractSoftAssertions {

    /** Soft assertions that have collected nothing yet. */
    public SimStackSoftAssertions() {
    }

    /**
     * Soft assertions on a running stack, to navigate from.
     *
     * @param stack the stack
     * @return the stack's assert, whose failures (and those of the asserts it leads to) are collected
     */
    public StackAssert assertThat(Stack stack) {
        StackAssert stackAssert = proxy(StackAssert.class, Stack.class, stack);
        stackAssert.softly(this);
        return stackAssert;
    }

    /**
     * Soft assertions on what a burst did.
     *
     * @param burst the burst's result
     * @return its assert, whose failures are collected
     */
    public BurstResultAssert assertThat(BurstResult burst) {
        return proxy(BurstResultAssert.class, BurstResult.class, burst);
    }
}
