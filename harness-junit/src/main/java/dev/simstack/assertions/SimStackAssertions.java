package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import org.apiguardian.api.API;

/**
 * The entry point of SimStack's assertions: {@code assertThat(stack)} and what it leads to. It can be used
 * beside AssertJ's own {@code Assertions.assertThat}: the overload takes a {@link Stack}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class SimStackAssertions {

    /** Only static methods; a subclass may add its own entry points. */
    protected SimStackAssertions() {
    }

    /**
     * Assertions on a running stack, read through its handles and its ledger.
     *
     * @param stack the stack to check
     * @return the stack's assertions
     */
    public static StackAssert assertThat(Stack stack) {
        return new StackAssert(stack);
    }
}
