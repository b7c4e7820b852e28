package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LambdaHook;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Lambda invocation fails after its handler returned, as when the runtime process exits after the handler's
 * writes and before Lambda records the result: the writes to DynamoDB, S3 or SQS are done, the invocation ends
 * with the function error {@code Runtime.ExitError} ({@code Invoke} answers {@code X-Amz-Function-Error:
 * Unhandled}), and an event source mapping deletes nothing, so the batch comes back after the queue's visibility
 * timeout with its receive count raised. A handler that is not idempotent applies its writes twice.
 *
 * <pre>{@code
 * FaultPlan.none().with(CrashAfterEffect.on("worker").withTimes(1));
 * }</pre>
 * In a plan file: {@code kind: crash-after-effect} with {@code function}, {@code probability}, {@code nth},
 * {@code times}, {@code bodyMatches}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CrashAfterEffect implements SemanticFault {

    private final String name;
    private final InvocationMatch match;

    CrashAfterEffect(String name, InvocationMatch match) {
        this.name = Objects.requireNonNull(name, "name");
        this.match = match;
    }

    /**
     * Crashes every invocation of {@code function} after its handler returns (narrow it with the {@code with*}s).
     *
     * @param function the function's name, in any region; null for every function
     * @return the fault
     */
    public static CrashAfterEffect on(String function) {
        return new CrashAfterEffect("crash-after-effect", InvocationMatch.every(function));
    }

    /**
     * This fault crashing each picked invocation with a chance, drawn from the stack's seed per function.
     *
     * @param probability in (0, 1]
     * @return a new fault
     */
    public CrashAfterEffect withProbability(double probability) {
        return new CrashAfterEffect(name, new InvocationMatch(match.function(), probability, match.nth(),
                match.times(), match.bodyMatches()));
    }

    /**
     * This fault crashing only the {@code nth} matching invocation (1-based).
     *
     * @param nth the invocation's number among those that match
     * @return a new fault
     */
    public CrashAfterEffect withNth(long nth) {
        return new CrashAfterEffect(name, new InvocationMatch(match.function(), match.probability(), nth,
                match.times(), match.bodyMatches()));
    }

    /**
     * This fault crashing at most {@code times} invocations.
     *
     * @param times the limit, at least 1
     * @return a new fault
     */
    public CrashAfterEffect withTimes(long times) {
        return new CrashAfterEffect(name, new InvocationMatch(match.function(), match.probability(), match.nth(),
                times, match.bodyMatches()));
    }

    /**
     * This fault crashing only invocations whose event has a record whose {@code body} contains a match of
     * {@code regex} (an SQS batch), or, for an event without records, whose JSON text does.
     *
     * @param regex a {@link java.util.regex.Pattern}, found anywhere in the body
     * @return a new fault
     */
    public CrashAfterEffect withBodyMatching(String regex) {
        return new CrashAfterEffect(name, new InvocationMatch(match.function(), match.probability(), match.nth(),
                match.times(), regex));
    }

    /**
     * This fault under another name, for reports.
     *
     * @param newName the name
     * @return a new fault
     */
    public CrashAfterEffect named(String newName) {
        return new CrashAfterEffect(newName, match);
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
            public boolean crashesAfterEffect(ResourceRef function, byte[] event) {
                return counter.picks(function, event);
            }
        };
    }

    @Override
    public String toString() {
        return name + ": crash after the handler's effects " + match.describe() + " (Runtime.ExitError)";
    }
}
