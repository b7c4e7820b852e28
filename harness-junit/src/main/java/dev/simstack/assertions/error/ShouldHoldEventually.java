package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;


import java.time.Duration;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of an eventual check that did not hold in the time it had, with the last failure. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHoldEventually extends BasicErrorMessageFactory {

    private ShouldHoldEventually(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param how how the time went by, e.g. {@code advanced the stack's manual clock by 1s in 10 steps of 100ms, re-checking after each}
     * @param lastFailure the message of the last check
     */
    public static ErrorMessageFactory shouldHoldEventually(String how, String lastFailure) {
        return new ShouldHoldEventually("Not true in time: the check %s and failed every time. The last"
                + " failure:\n%s", unquotedString(how), unquotedString(lastFailure));
    }

    /**
     * How an eventual check on a manual clock went about it, for {@link #shouldHoldEventually}.
     *
     * @param advanced how far it moved the clock
     * @param steps in how many steps
     * @param step how far each step moved it
     * @return e.g. {@code advanced the stack's manual clock by 1s in 10 steps of 100ms, re-checking after each}
     */
    public static String advanced(Duration advanced, int steps, Duration step) {
        return "advanced the stack's manual clock by " + Texts.duration(advanced) + " in " + steps + " steps of "
                + Texts.duration(step) + ", re-checking after each";
    }

    /**
     * How an eventual check on a clock that moves by itself went about it, for {@link #shouldHoldEventually}.
     *
     * @param bound how long it waited, in wall time
     * @param clock the clock's mode, e.g. {@code real} or {@code scaled}
     * @param poll how often it checked
     * @return e.g. {@code waited 10s on the stack's real clock, re-checking every 50ms}
     */
    public static String waited(Duration bound, String clock, Duration poll) {
        return "waited " + Texts.duration(bound) + " on the stack's " + clock + " clock, re-checking every "
                + Texts.duration(poll);
    }
}
