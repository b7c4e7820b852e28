package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a burst whose latency at a percentile is longer than allowed. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveLatencyPercentileAtMost extends BasicErrorMessageFactory {

    private ShouldHaveLatencyPercentileAtMost(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param percentile the percentile, e.g. 99
     * @param limit the longest latency allowed at it
     * @param found the latency at it, in virtual time
     * @param burst the burst's one-line summary ({@code BurstResult.toString()})
     */
    public static ErrorMessageFactory shouldHaveLatencyPercentileAtMost(double percentile, Duration limit,
            Duration found, String burst) {
        String p = percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
        return new ShouldHaveLatencyPercentileAtMost("Expecting the burst's p%s latency to be at most %s (virtual"
                + " time)\nbut it was %s: %s", unquotedString(p), unquotedString(Texts.duration(limit)),
                unquotedString(Texts.duration(found)), unquotedString(burst));
    }
}
