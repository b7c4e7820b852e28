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
 * The failure of {@code hasNoDuplicateDeliveries()}: messages delivered more than once.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveNoDuplicateDeliveries extends BasicErrorMessageFactory {

    private ShouldHaveNoDuplicateDeliveries(String text) {
        super(format(text));
    }

    /**
     * The failure naming each message delivered more than once.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param duplicates one line per message: its id, how often and when it was delivered
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveNoDuplicateDeliveries(String queue, List<String> duplicates) {
        return new ShouldHaveNoDuplicateDeliveries("Expecting each message sent to " + queue + " to be delivered"
                + " once, but " + count(duplicates.size(), "message was", "messages were") + " delivered more"
                + " than once:" + indented(duplicates, 2)
                + "\nWhere to look: a visibility timeout that ends before the consumer deletes, a consumer that"
                + " does not delete, or an invocation that fails; a consumer must tolerate these (SQS delivers"
                + " at least once).");
    }
}
