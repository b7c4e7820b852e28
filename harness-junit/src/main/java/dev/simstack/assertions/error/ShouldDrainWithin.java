package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue that still holds messages when the time it had to drain is up. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldDrainWithin extends BasicErrorMessageFactory {

    private ShouldDrainWithin(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param how how the time went by, e.g. {@code advanced the stack's manual clock by 1s in 10 steps of 100ms, re-checking after each}
     * @param depth its depth at the end, read with the peek
     * @param peek the messages still in the queue
     */
    public static ErrorMessageFactory shouldDrainWithin(String queue, String how, QueueDepth depth,
            List<PeekedMessage> peek) {
        return new ShouldDrainWithin("Expecting %s to drain (nothing visible, in flight or delayed) in time\nbut after"
                + " the check %s, it still holds %s (%s).\n%s", unquotedString(queue), unquotedString(how),
                unquotedString(Texts.count(depth.total(), "message", "messages")), unquotedString(Texts.depth(depth)),
                unquotedString(Texts.messages(peek)));
    }
}
