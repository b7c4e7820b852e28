package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Lambda handler held up before it runs, on the stack's clock, as a slow dependency or a stuck call holds it:
 * past the function's timeout Lambda ends the invocation as timed out ({@code Task timed out after N.00 seconds},
 * {@code X-Amz-Function-Error: Unhandled}, the ledger's outcome {@code TIMEOUT}) and the handler does not run;
 * a delay within the timeout only makes the invocation slow. {@link #forced} times out every picked invocation
 * at the function's own timeout.
 *
 * <pre>{@code
 * FaultPlan.none().with(HandlerTimeout.forced("worker").withTimes(1));
 * FaultPlan.none().with(HandlerTimeout.delayed("worker", Duration.ofSeconds(5)));
 * }</pre>
 * In a plan file: {@code kind: handler-timeout} with {@code function}, {@code delay} (absent: forced),
 * {@code probability}, {@code nth}, {@code times}, {@code bodyMatches}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HandlerTimeout implements SemanticFault {

    private final String name;
    private final InvocationMatch match;
    private final Duration delay;

    HandlerTimeout(String name, InvocationMatch match, Duration delay) {
        this.name = Objects.requireNonNull(name, "name");
        this.match = match;
        if (delay != null && (delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("fault '" + name + "': the handler's delay must be positive, got "
                    + delay);
        }
        this.delay = delay;
    }

    /**
     * Times out every invocation of {@code function} at the function's timeout (narrow it with the {@code with*}s).
     *
     * @param function the function's name, in any region; null for every function
     * @return the fault
     */
    public static HandlerTimeout forced(String function) {
        return new HandlerTimeout("handler-timeout", InvocationMatch.every(function), null);
    }

    /**
     * Holds every invocation of {@code function} for {@code delay} before its handler runs.
     *
     * @param function the function's name, in any region; null for every function
     * @param delay the time on the stack's clock; beyond the function's timeout the invocation times out
     * @return the fault
     */
    public static HandlerTimeout delayed(String function, Duration delay) {
        return new HandlerTimeout("handler-timeout", InvocationMatch.every(function), delay);
    }

    /**
     * This fault picking each matching invocation with a chance, drawn from the stack's seed per function.
     *
     * @param probability in (0, 1]
     * @return a new fault
     */
    public HandlerTimeout withProbability(double probability) {
        return new HandlerTimeout(name, new InvocationMatch(match.function(), probability, match.nth(),
                match.times(), match.bodyMatches()), delay);
    }

    /**
     * This fault picking only the {@code nth} matching invocation (1-based).
     *
     * @param nth the invocation's number among those that match
     * @return a new fault
     */
    public HandlerTimeout withNth(long nth) {
        return new HandlerTimeout(name, new InvocationMatch(match.function(), match.probability(), nth,
                match.times(), match.bodyMatches()), delay);
    }

    /**
     * This fault picking at most {@code times} invocations.
     *
     * @param times the limit, at least 1
     * @return a new fault
     */
    public HandlerTimeout withTimes(long times) {
        return new HandlerTimeout(name, new InvocationMatch(match.function(), match.probability(), match.nth(),
                times, match.bodyMatches()), delay);
    }

    /**
     * This fault picking only invocations with a record whose body (or, without records, whose event) contains a
     * match of {@code regex}.
     *
     * @param regex a {@link java.util.regex.Pattern}, found anywhere in the body
     * @return a new fault
     */
    public HandlerTimeout withBodyMatching(String regex) {
        return new HandlerTimeout(name, new InvocationMatch(match.function(), match.probability(), match.nth(),
                match.times(), regex), delay);
    }

    /**
     * This fault under another name, for reports.
     *
     * @param newName the name
     * @return a new fault
     */
    public HandlerTimeout named(String newName) {
        return new HandlerTimeout(newName, match, delay);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        InvocationMatch.Counter counter = new InvocationMatch.Counter(match, context);
        return new LambdaHook() {
            @Override
            public Duration handlerDelay(ResourceRef function, Duration timeout, byte[] event) {
                if (!counter.picks(function, event)) {
                    return Duration.ZERO;
                }
                // Forced: held a moment past the deadline, so Lambda's timeout ends the invocation first.
                return delay != null ? delay : timeout.plusMillis(1);
            }
        };
    }

    @Override
    public String toString() {
        return name + ": " + (delay == null ? "time out" : "hold the handler " + delay.toMillis() + " ms")
                + " " + match.describe();
    }
}
