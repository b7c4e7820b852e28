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
 * The failure of {@code hasDuplicateDeliveries(n)}: another number of messages were delivered more
 * than once.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveDuplicateDeliveries extends BasicErrorMessageFactory {

    private ShouldHaveDuplicateDeliveries(String text) {
        super(format(text));
    }

    /**
     * The failure saying how many messages were delivered more than once, and which.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param expected how many messages were expected to be delivered more than once
     * @param duplicates one line per message delivered more than once
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveDuplicateDeliveries(String queue, int expected,
            List<String> duplicates) {
        return new ShouldHaveDuplicateDeliveries("Expecting " + count(expected, "message", "messages") + " sent to "
                + queue + " to be delivered more than once, but " + (duplicates.isEmpty() ? "none was."
                : duplicates.size() + (duplicates.size() == 1 ? " was:" : " were:")) + indented(duplicates, 2));
    }
}
