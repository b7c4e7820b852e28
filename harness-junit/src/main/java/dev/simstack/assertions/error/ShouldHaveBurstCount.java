package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;


import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a burst whose total, accepted, throttled or failed requests are not as many as expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveBurstCount extends BasicErrorMessageFactory {

    private ShouldHaveBurstCount(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param what what was counted, e.g. {@code accepted} or {@code throttled}; empty for the total
     * @param expected how many were expected
     * @param found how many there were
     * @param burst the burst's one-line summary ({@code BurstResult.toString()})
     */
    public static ErrorMessageFactory shouldHaveBurstCount(String what, int expected, int found, String burst) {
        return new ShouldHaveBurstCount("Expecting the burst to have %s\nbut it had %s: %s",
                unquotedString(Texts.count(expected, (what.isEmpty() ? "" : what + " ") + "request",
                        (what.isEmpty() ? "" : what + " ") + "requests")), found, unquotedString(burst));
    }
}
