package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.CallResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A fault below HTTP: what the network, not the service, does to a call. The service never sees a reset or a
 * dropped call; a truncated call runs and its answer is cut mid-body. The SDK's own retries and timeouts are
 * what a test then exercises.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum WireFault {

    /** The connection is reset before any answer: the SDK sees an I/O error ({@code Connection reset}), retries. */
    RESET,

    /**
     * The connection is dropped: no answer ever comes, until the client's timeout ({@code apiCallAttemptTimeout}
     * or the HTTP client's socket timeout) or the stack closes.
     */
    DROP,

    /**
     * The answer's head arrives with its full {@code Content-Length}, then half of its body, then the connection
     * closes: the SDK's HTTP client fails reading the body (an I/O error it retries).
     */
    TRUNCATE;

    /** The share of the body a truncated answer sends. */
    static final double TRUNCATED_TO = 0.5;

    /** The call's result as this fault breaks it: {@code answer} is only asked for by {@link #TRUNCATE}. */
    CallResult apply(CallResult answer) {
        return switch (this) {
            case RESET -> CallResult.connectionReset();
            case DROP -> CallResult.noAnswer();
            case TRUNCATE -> answer.truncated(TRUNCATED_TO);
        };
    }

    /**
     * The name plans write: {@code reset}, {@code drop} or {@code truncate}.
     *
     * @return the name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fault a plan names.
     *
     * @param label {@code reset}, {@code drop} or {@code truncate} (any case)
     * @return the fault
     * @throws IllegalArgumentException listing the names, when {@code label} is none of them
     */
    public static WireFault of(String label) {
        for (WireFault fault : values()) {
            if (fault.label().equalsIgnoreCase(label.trim())) {
                return fault;
            }
        }
        throw new IllegalArgumentException("wire fault '" + label + "' is not one of "
                + Arrays.stream(values()).map(WireFault::label).collect(Collectors.joining(", ")));
    }
}
