package dev.simstack.assertions.error;

import static dev.simstack.assertions.internal.MessageText.count;
import static dev.simstack.assertions.internal.MessageText.format;
import static dev.simstack.assertions.internal.MessageText.indented;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The failure of {@code deliveredAtMostTimes(n)}: messages delivered more often than allowed.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldBeDeliveredAtMostTimes extends BasicErrorMessageFactory {

    private ShouldBeDeliveredAtMostTimes(String text) {
        super(format(text));
    }

    /**
     * The failure naming each message delivered more than {@code max} times.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param max the most deliveries allowed per message
     * @param over one line per message delivered more often
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeDeliveredAtMostTimes(String queue, int max, List<String> over) {
        return new ShouldBeDeliveredAtMostTimes("Expecting each message sent to " + queue + " to be delivered at"
                + " most " + count(max, "time", "times") + ", but " + count(over.size(), "message was",
                "messages were") + " delivered more often:" + indented(over, 2)
                + "\nWhere to look: a redrive policy's maxReceiveCount bounds the receives of a message before it"
                + " moves to the dead-letter queue.");
    }
}
