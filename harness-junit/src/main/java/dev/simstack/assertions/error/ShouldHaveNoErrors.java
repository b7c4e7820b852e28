package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.LedgerEntry;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a function some of whose invocations ended in an error or a timeout. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveNoErrors extends BasicErrorMessageFactory {

    private ShouldHaveNoErrors(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param function the function, e.g. {@code function worker in us-east-1}
     * @param summary the invocations by outcome, e.g. {@code 3 invocations (2 succeeded, 1 error, ...)}
     * @param failed the failed invocations (errors and timeouts), oldest first
     * @param logs the log lines of the failed invocations, by request id
     */
    public static ErrorMessageFactory shouldHaveNoErrors(String function, String summary,
            List<LedgerEntry.Invocation> failed, Map<String, List<String>> logs) {
        return new ShouldHaveNoErrors("Expecting %s to have no errors (invocations that threw or timed out)\nbut %s"
                + " failed.\nThe ledger records %s.%s", unquotedString(function),
                unquotedString(Texts.count(failed.size(), "invocation", "invocations")), unquotedString(summary),
                unquotedString(Texts.failedInvocations(failed, logs)));
    }
}
