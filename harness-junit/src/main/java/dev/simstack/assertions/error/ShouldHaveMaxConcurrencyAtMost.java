package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a function that ran more invocations at once than allowed. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveMaxConcurrencyAtMost extends BasicErrorMessageFactory {

    private ShouldHaveMaxConcurrencyAtMost(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param function the function, e.g. {@code function worker in us-east-1}
     * @param limit the most invocations allowed at once
     * @param peak the most that ran at once
     * @param at when the peak began, on the stack's clock
     * @param summary the invocations by outcome
     */
    public static ErrorMessageFactory shouldHaveMaxConcurrencyAtMost(String function, int limit, int peak, Instant at,
            String summary) {
        return new ShouldHaveMaxConcurrencyAtMost("Expecting %s to run at most %s at once\nbut %s ran at once from %s"
                + " on the stack's clock (overlapping start-to-end intervals in the ledger).\nThe ledger records %s.",
                unquotedString(function), unquotedString(Texts.count(limit, "invocation", "invocations")), peak,
                unquotedString(at.toString()), unquotedString(summary));
    }
}
