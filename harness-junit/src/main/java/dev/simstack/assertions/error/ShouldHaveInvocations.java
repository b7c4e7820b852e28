package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LedgerEntry;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a function whose invocations, errors, timeouts, throttles or cold starts are not as many as expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveInvocations extends BasicErrorMessageFactory {

    private ShouldHaveInvocations(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param function the function, e.g. {@code function worker in us-east-1}
     * @param what what was counted, singular, e.g. {@code error} or {@code cold start}
     * @param expected how many were expected
     * @param found how many there are
     * @param summary the invocations by outcome, e.g. {@code 3 invocations (2 succeeded, 1 error, ...)}
     * @param failed the failed invocations (errors and timeouts), oldest first
     * @param logs the log lines of the failed invocations, by request id
     */
    public static ErrorMessageFactory shouldHaveInvocations(String function, String what, int expected, int found,
            String summary, List<LedgerEntry.Invocation> failed, Map<String, List<String>> logs) {
        return new ShouldHaveInvocations("Expecting %s to have %s\nbut it has %s.\nThe ledger records %s.%s",
                unquotedString(function), unquotedString(Texts.count(expected, what, what + "s")), found,
                unquotedString(summary),
                unquotedString(Texts.failedInvocations(failed, logs)));
    }
}
