package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Who owns a {@link SimStack} stack. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Scope {
    /** The test class (and its {@code @Nested} classes): started before it, closed after it. */
    CLASS,
    /**
     * The whole run: every class whose {@code @SimStack} declares the same stack (equal attributes) shares one,
     * closed when the run ends.
     */
    SUITE
}
