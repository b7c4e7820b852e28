package dev.simstack.assertions;

import static dev.simstack.assertions.error.ShouldHaveBeenInvokedBy.shouldHaveBeenInvokedBy;
import static dev.simstack.assertions.error.ShouldHaveInvocations.shouldHaveInvocations;
import static dev.simstack.assertions.error.ShouldHaveMaxConcurrencyAtMost.shouldHaveMaxConcurrencyAtMost;
import static dev.simstack.assertions.error.ShouldHaveNoErrors.shouldHaveNoErrors;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.FunctionHandle;
import dev.simstack.core.LedgerEntry.Invocation;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a Lambda function of a running stack, from the ledger's invocations of it (whatever invoked it).
 * The counts follow CloudWatch's Lambda metrics: <em>invocations</em> are those whose handler ran (throttled ones
 * are not), <em>errors</em> those that threw or timed out, <em>throttles</em> those refused for lack of
 * concurrency. Every check first makes sure the ledger still holds everything since the stack started or was
 * reset ({@code Ledger.requireComplete}), so an evicted ledger fails rather than passes. A failure shows the
 * counts by outcome and the last failed invocations with their logs. After {@link #eventually()} every check
 * retries until it holds.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class FunctionAssert extends AbstractAssert<FunctionAssert, FunctionHandle> {

    private Origin origin;
    private Eventually eventually;

    /**
     * An assert on {@code actual}; its checks need the stack's ledger, so take it with
     * {@code SimStackAssertions.assertThat(stack).function(name)} (soft assertions construct it reflectively and
     * then tell it the stack).
     *
     * @param actual the function's handle
     */
    public FunctionAssert(FunctionHandle actual) {
        super(actual, FunctionAssert.class);
    }

    static FunctionAssert of(Origin origin, FunctionHandle function, Eventually eventually) {
        FunctionAssert made = origin.make(FunctionAssert.class, FunctionHandle.class, function, FunctionAssert::new);
        made.bind(origin, eventually);
        return made;
    }

    void bind(Origin from, Eventually retry) {
        this.origin = from;
        this.eventually = retry;
    }

    /**
     * The same assertions, each retried until it holds: on a manual clock this advances the stack's clock 100 ms
     * at a time, up to 15 virtual minutes; on a real or scaled clock it waits up to 10 seconds.
     *
     * @return an assert whose checks retry
     */
    public FunctionAssert eventually() {
        stack("eventually()");
        return of(origin, actual, Eventually.defaults());
    }

    /**
     * The same assertions, each retried until it holds within {@code within}: virtual time on a manual clock
     * (which this advances), wall time on a real or scaled clock.
     *
     * @param within how long to keep trying
     * @return an assert whose checks retry
     */
    public FunctionAssert eventually(Duration within) {
        stack("eventually(within)");
        return of(origin, actual, Eventually.defaults().withWithin(within));
    }

    /**
     * Checks how many invocations ran the handler (whatever their outcome; throttled ones did not run it).
     *
     * @param expected the number of invocations
     * @return this assert
     */
    public FunctionAssert hasInvocations(int expected) {
        return counts("invocation", invocation -> invocation.outcome() != InvocationOutcome.THROTTLED, expected);
    }

    /**
     * Checks that no invocation threw or timed out.
     *
     * @return this assert
     */
    public FunctionAssert hasNoErrors() {
        return check(() -> {
            List<Invocation> invocations = invocations("hasNoErrors()");
            List<Invocation> failed = failed(invocations);
            if (!failed.isEmpty()) {
                throwAssertionError(shouldHaveNoErrors(name(), summary(invocations), failed, logs(failed)));
            }
        });
    }

    /**
     * Checks how many invocations ended in an error: the handler threw (or could not be loaded) or timed out,
     * as CloudWatch's {@code Errors} metric counts them.
     *
     * @param expected the number of errors
     * @return this assert
     */
    public FunctionAssert hasErrors(int expected) {
        return counts("error", FunctionAssert::isFailure, expected);
    }

    /**
     * Checks how many invocations ran past the function's timeout.
     *
     * @param expected the number of timeouts
     * @return this assert
     */
    public FunctionAssert hasTimeouts(int expected) {
        return counts("timeout", invocation -> invocation.outcome() == InvocationOutcome.TIMEOUT, expected);
    }

    /**
     * Checks how many invocations were refused for lack of concurrency (reserved or account concurrency).
     *
     * @param expected the number of throttles
     * @return this assert
     */
    public FunctionAssert hasThrottles(int expected) {
        return counts("throttle", invocation -> invocation.outcome() == InvocationOutcome.THROTTLED, expected);
    }

    /**
     * Checks how many invocations started a new execution environment.
     *
     * @param expected the number of cold starts
     * @return this assert
     */
    public FunctionAssert hasColdStarts(int expected) {
        return counts("cold start", Invocation::coldStart, expected);
    }

    /**
     * Checks the function's peak concurrency: the most invocations whose start-to-end intervals (on the stack's
     * clock) overlapped. One that ends at the instant another starts does not overlap it.
     *
     * @param limit the most invocations allowed at once
     * @return this assert
     */
    public FunctionAssert hasMaxConcurrencyAtMost(int limit) {
        return check(() -> {
            List<Invocation> invocations = invocations("hasMaxConcurrencyAtMost(" + limit + ")");
            Concurrency.Peak peak = Concurrency.peak(invocations);
            if (peak.count() > limit) {
                throwAssertionError(shouldHaveMaxConcurrencyAtMost(name(), limit, peak.count(), peak.at(),
                        summary(invocations)));
            }
        });
    }

    /**
     * Checks that at least one invocation came from {@code trigger}, as the ledger writes it: {@code invoke},
     * {@code invoke:event}, {@code sqs:<queue ARN>} or {@code apigateway:<API id>}.
     *
     * @param trigger the trigger
     * @return this assert
     */
    public FunctionAssert wasInvokedBy(String trigger) {
        return check(() -> {
            List<Invocation> invocations = invocations("wasInvokedBy(" + trigger + ")");
            if (invocations.stream().noneMatch(invocation -> trigger.equals(invocation.trigger()))) {
                Map<String, Long> triggers = invocations.stream()
                        .collect(Collectors.groupingBy(Invocation::trigger, TreeMap::new, Collectors.counting()));
                throwAssertionError(shouldHaveBeenInvokedBy(name(), trigger, triggers));
            }
        });
    }

    /**
     * Checks that at least one invocation came from an SQS event source mapping on queue {@code queue} (in the
     * stack's default region).
     *
     * @param queue the queue's name
     * @return this assert
     */
    public FunctionAssert wasInvokedByQueue(String queue) {
        return wasInvokedBy("sqs:" + stack("wasInvokedByQueue").queue(queue).arn());
    }

    private FunctionAssert counts(String what, Predicate<Invocation> counted, int expected) {
        return check(() -> {
            List<Invocation> invocations = invocations("has " + what + "s");
            int found = (int) invocations.stream().filter(counted).count();
            if (found != expected) {
                List<Invocation> failed = failed(invocations);
                throwAssertionError(shouldHaveInvocations(name(), what, expected, found, summary(invocations), failed,
                        logs(failed)));
            }
        });
    }

    /** The invocations, read before checking that the ledger is complete (a check after the read proves it). */
    private List<Invocation> invocations(String assertion) {
        Stack stack = stack(assertion);
        List<Invocation> invocations = actual.invocations();
        stack.ledger().requireComplete(assertion + " on " + name());
        return invocations;
    }

    private static boolean isFailure(Invocation invocation) {
        return invocation.outcome() == InvocationOutcome.ERROR || invocation.outcome() == InvocationOutcome.TIMEOUT;
    }

    private static List<Invocation> failed(List<Invocation> invocations) {
        return invocations.stream().filter(FunctionAssert::isFailure).toList();
    }

    private Map<String, List<String>> logs(List<Invocation> failed) {
        Map<String, List<String>> logs = new LinkedHashMap<>();
        failed.forEach(invocation -> logs.put(invocation.requestId(), origin.stack().functionLogs(invocation.requestId())));
        return logs;
    }

    /** E.g. {@code 3 invocations (2 succeeded, 1 error, 0 timeouts), 0 throttles, 1 cold start}. */
    private static String summary(List<Invocation> invocations) {
        Map<InvocationOutcome, Long> by = invocations.stream()
                .collect(Collectors.groupingBy(Invocation::outcome, Collectors.counting()));
        long ran = invocations.size() - by.getOrDefault(InvocationOutcome.THROTTLED, 0L);
        long cold = invocations.stream().filter(Invocation::coldStart).count();
        return plural(ran, "invocation") + " (" + by.getOrDefault(InvocationOutcome.SUCCESS, 0L) + " succeeded, "
                + plural(by.getOrDefault(InvocationOutcome.ERROR, 0L), "error") + ", "
                + plural(by.getOrDefault(InvocationOutcome.TIMEOUT, 0L), "timeout") + "), "
                + plural(by.getOrDefault(InvocationOutcome.THROTTLED, 0L), "throttle") + ", "
                + plural(cold, "cold start");
    }

    private static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    private FunctionAssert check(Runnable body) {
        Eventually.check(eventually, () -> stack("eventually()"), body, this::throwAssertionError);
        return myself;
    }

    private Stack stack(String assertion) {
        return Origin.stackOf(origin, assertion, "SimStackAssertions.assertThat(stack).function(name)");
    }

    private String name() {
        return "function " + actual.ref().name() + " in " + actual.ref().region();
    }
}
