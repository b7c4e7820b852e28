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
 * The failure of {@code noneLost()}: messages sent to a queue and never seen through to a
 * delete or to the dead-letter queue.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveLostNoMessage extends BasicErrorMessageFactory {

    private ShouldHaveLostNoMessage(String text) {
        super(format(text));
    }

    /**
     * The failure naming each lost message.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param sent how many messages were sent to it
     * @param lost one block per lost message: its id (and body, when known), its steps and why it is lost
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveLostNoMessage(String queue, int sent, List<String> lost) {
        return new ShouldHaveLostNoMessage("Expecting every message sent to " + queue + " to be delivered and then"
                + " deleted or moved to its dead-letter queue, but " + lost.size() + " of "
                + count(sent, "message", "messages") + " " + (lost.size() == 1 ? "was" : "were") + " lost:"
                + indented(lost, 2)
                + "\nWhere to look: a consumer that deletes before its work is done (or in an invocation that then"
                + " fails), crashes before deleting, or never deletes; the ledger's Message entries above, by"
                + " sequence number.");
    }
}
