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
 * The failure of {@code preservesOrderPerMessageGroup()}: messages of a group delivered out of send
 * order.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldPreserveOrderPerMessageGroup extends BasicErrorMessageFactory {

    private ShouldPreserveOrderPerMessageGroup(String text) {
        super(format(text));
    }

    /**
     * The failure naming each delivery that came after a later-sent message of its group had been delivered.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param violations one line per out-of-order delivery
     * @return the message factory
     */
    public static ErrorMessageFactory shouldPreserveOrderPerMessageGroup(String queue, List<String> violations) {
        return new ShouldPreserveOrderPerMessageGroup("Expecting the messages of each message group of " + queue
                + " to be delivered in the order they were sent, but " + count(violations.size(), "delivery was",
                "deliveries were") + " out of order:" + indented(violations, 2)
                + "\nWhere to look: a FIFO queue keeps a group in order while each message is deleted before the"
                + " next is received; a standard queue does not order messages.");
    }

    /**
     * The failure when no message sent to the queue carried a message group.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMessageGroups(String queue) {
        return new ShouldPreserveOrderPerMessageGroup("Expecting messages sent to " + queue + " with a"
                + " MessageGroupId, to check their order per group, but none carried one: send them to a FIFO"
                + " queue with a MessageGroupId.");
    }
}
