package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The next invocations of a function start a new execution environment although a warm one is idle, as after
 * AWS recycles environments or scales out: the handler is instantiated again (static and instance caches are
 * empty), after an init delay on the stack's clock added to the function's own cold-start delay. The ledger's
 * invocations mark them {@code coldStart}.
 *
 * <pre>{@code
 * FaultPlan.none().with(ColdStarts.next("worker", 3).withInitDelay(Duration.ofSeconds(2)));
 * }</pre>
 * In a plan file: {@code kind: cold-starts} with {@code function}, {@code count} (absent: every invocation),
 * {@code initDelay}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ColdStarts implements SemanticFault {

    private final String name;
    private final String function;
    private final long count;
    private final Duration initDelay;

    ColdStarts(String name, String function, long count, Duration initDelay) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = function;
        this.count = count;
        this.initDelay = initDelay == null ? Duration.ZERO : initDelay;
        if (count < 1 || this.initDelay.isNegative()) {
            throw new IllegalArgumentException("fault '" + name + "': count must be >= 1 and initDelay not negative,"
                    + " got " + count + " and " + initDelay);
        }
    }

    /**
     * Forces cold starts on the next {@code count} invocations of {@code function}.
     *
     * @param function the function's name, in any region; null for every function
     * @param count how many invocations start cold, at least 1
     * @return the fault, with no init delay beyond the function's own
     */
    public static ColdStarts next(String function, long count) {
        return new ColdStarts("cold-starts", function, count, Duration.ZERO);
    }

    /**
     * This fault with an init delay on the stack's clock for each forced cold start.
     *
     * @param delay the init time, added to the function's own cold-start delay
     * @return a new fault
     */
    public ColdStarts withInitDelay(Duration delay) {
        return new ColdStarts(name, function, count, delay);
    }

    /**
     * This fault under another name, for reports.
     *
     * @param newName the name
     * @return a new fault
     */
    public ColdStarts named(String newName) {
        return new ColdStarts(newName, function, count, initDelay);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        AtomicLong forced = new AtomicLong();
        return new LambdaHook() {
            @Override
            public Optional<Duration> forcedColdStart(ResourceRef ref) {
                if ((function != null && !function.equals(ref.name())) || forced.incrementAndGet() > count) {
                    return Optional.empty();
                }
                return Optional.of(initDelay);
            }
        };
    }

    @Override
    public String toString() {
        return name + ": " + (count == Long.MAX_VALUE ? "every invocation" : "the next " + count + " invocations")
                + (function == null ? " of every function" : " of " + function) + " start cold"
                + (initDelay.isZero() ? "" : ", init " + initDelay.toMillis() + " ms");
    }
}
