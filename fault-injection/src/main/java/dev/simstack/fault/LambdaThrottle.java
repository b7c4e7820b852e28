package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A function's reserved concurrency lowered for a window on the stack's clock, as when someone sets it down or
 * another function's reservation starves it: invocations beyond it are throttled as AWS throttles at a reserved
 * limit. A synchronous {@code Invoke} answers {@code TooManyRequestsException} (429, reason
 * {@code ReservedFunctionConcurrentInvocationLimitExceeded}); an event source mapping backs off and its batch
 * comes back after the queue's visibility timeout; the ledger records the invocation {@code THROTTLED}.
 *
 * <pre>{@code
 * FaultPlan.none().with(LambdaThrottle.at("worker", 0).withWindow(Duration.ZERO, Duration.ofMinutes(1)));
 * }</pre>
 * In a plan file: {@code kind: lambda-throttle} with {@code function}, {@code reservedConcurrency} (default 0),
 * {@code after}, {@code duration} (absent: to the end).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LambdaThrottle implements SemanticFault {

    private final String name;
    private final String function;
    private final int reservedConcurrency;
    private final Duration after;
    private final Duration duration;

    LambdaThrottle(String name, String function, int reservedConcurrency, Duration after, Duration duration) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = function;
        this.reservedConcurrency = reservedConcurrency;
        this.after = after == null ? Duration.ZERO : after;
        this.duration = duration;
        if (reservedConcurrency < 0 || this.after.isNegative() || (duration != null && (duration.isNegative() || duration.isZero()))) {
            throw new IllegalArgumentException("fault '" + name + "': reservedConcurrency must be >= 0, after not "
                    + "negative and duration positive, got " + reservedConcurrency + ", " + after + ", " + duration);
        }
    }

    /**
     * Throttles {@code function} beyond {@code reservedConcurrency} running invocations, from now on.
     *
     * @param function the function's name, in any region; null for every function
     * @param reservedConcurrency the lowered limit; 0 throttles every invocation
     * @return the fault
     */
    public static LambdaThrottle at(String function, int reservedConcurrency) {
        return new LambdaThrottle("lambda-throttle", function, reservedConcurrency, Duration.ZERO, null);
    }

    /**
     * This fault only in a window of the stack's clock, counted from when the plan is applied.
     *
     * @param from when the window opens
     * @param length how long it lasts; null for to the end of the test
     * @return a new fault
     */
    public LambdaThrottle withWindow(Duration from, Duration length) {
        return new LambdaThrottle(name, function, reservedConcurrency, from, length);
    }

    /**
     * This fault under another name, for reports.
     *
     * @param newName the name
     * @return a new fault
     */
    public LambdaThrottle named(String newName) {
        return new LambdaThrottle(newName, function, reservedConcurrency, after, duration);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        Instant opens = context.clock().now().plus(after);
        Instant closes = duration == null ? Instant.MAX : opens.plus(duration);
        return new LambdaHook() {
            @Override
            public OptionalInt concurrencyLimit(ResourceRef ref) {
                Instant now = context.clock().now();
                boolean open = !now.isBefore(opens) && now.isBefore(closes);
                return open && (function == null || function.equals(ref.name()))
                        ? OptionalInt.of(reservedConcurrency) : OptionalInt.empty();
            }
        };
    }

    @Override
    public String toString() {
        return name + ": reserved concurrency " + reservedConcurrency + (function == null ? " for every function"
                : " for " + function) + (after.isZero() ? "" : " after " + after.toMillis() + " ms")
                + (duration == null ? "" : " for " + duration.toMillis() + " ms");
    }
}
