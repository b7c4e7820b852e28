package dev.simstack.assertions;

import dev.simstack.core.Stack;
import java.util.Objects;
import java.util.function.Function;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Where an assert was taken: the stack (whose clock an eventual check moves and whose ledger must be complete),
 * and, for soft assertions, the collector. An assert navigates to others ({@code queue(..)},
 * {@code deadLetterQueue()}, {@code eventually()}) through {@link #make}, so that under soft assertions those are
 * proxied as well and collect their failures instead of throwing.
 *
 * @param stack the stack
 * @param soft the soft assertions collecting failures, or null for assertions that throw
 */
record Origin(Stack stack, SoftAssertionsProvider soft) {

    Origin {
        Objects.requireNonNull(stack, "stack");
    }

    /** A new assert on {@code actual}: a soft proxy under soft assertions, else the plain one. */
    <S extends Assert<? extends S, ? extends A>, A> S make(Class<S> type, Class<A> actualType, A actual,
            Function<A, S> constructor) {
        return soft == null ? constructor.apply(actual) : soft.proxy(type, actualType, actual);
    }

    /** The stack, for an assert that needs it; {@code null} origins come from the public constructors. */
    static Stack stackOf(Origin origin, String assertion, String how) {
        if (origin == null) {
            throw new IllegalStateException(assertion + " needs the stack (its clock and its ledger), which an assert"
                    + " built with its public constructor does not know: take it with " + how);
        }
        return origin.stack();
    }
}
