package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** When a {@link SimStack} stack goes back to its declared state. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Reset {
    /**
     * Before every test method (after the stack's start, before the method's {@code @BeforeEach} methods):
     * each test starts from the declared resources and an empty ledger, and its random choices start from a
     * seed derived from the stack's seed and the method, so a method replays alone. Methods that share a stack
     * take turns on it.
     */
    BEFORE_EACH,
    /** Never: state built by one method is seen by the next. */
    NEVER
}
