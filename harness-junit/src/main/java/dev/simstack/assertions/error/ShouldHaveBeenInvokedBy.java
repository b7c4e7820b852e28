package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a function that no invocation of the trigger expected reached. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveBeenInvokedBy extends BasicErrorMessageFactory {

    private ShouldHaveBeenInvokedBy(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param function the function, e.g. {@code function worker in us-east-1}
     * @param trigger the trigger expected, as the ledger writes it, e.g. {@code sqs:arn:aws:sqs:...:orders}
     * @param triggers how many invocations each trigger made, sorted
     */
    public static ErrorMessageFactory shouldHaveBeenInvokedBy(String function, String trigger,
            Map<String, Long> triggers) {
        String found = triggers.isEmpty() ? "it has no invocations" : "its invocations came from " + triggers;
        return new ShouldHaveBeenInvokedBy("Expecting %s to have been invoked by %s\nbut %s.",
                unquotedString(function), unquotedString(trigger), unquotedString(found));
    }
}
