package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a burst whose share of throttled requests is outside the range expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveThrottledFractionBetween extends BasicErrorMessageFactory {

    private ShouldHaveThrottledFractionBetween(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param low the lowest fraction allowed, in [0, 1]
     * @param high the highest fraction allowed, in [0, 1]
     * @param throttled how many requests were throttled
     * @param total how many were sent
     * @param burst the burst's one-line summary ({@code BurstResult.toString()})
     */
    public static ErrorMessageFactory shouldHaveThrottledFractionBetween(double low, double high, int throttled,
            int total, String burst) {
        return new ShouldHaveThrottledFractionBetween("Expecting between %s and %s of the burst's requests to be"
                + " throttled\nbut %s were (%s of %s): %s", unquotedString(fraction(low)), unquotedString(fraction(high)),
                unquotedString(fraction(total == 0 ? 0 : (double) throttled / total)), throttled, total,
                unquotedString(burst));
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
