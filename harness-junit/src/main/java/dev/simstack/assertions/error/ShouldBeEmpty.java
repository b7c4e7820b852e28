package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue that should hold nothing (visible, in flight or delayed) and holds something. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldBeEmpty extends BasicErrorMessageFactory {

    private ShouldBeEmpty(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param depth its depth, read with the peek
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldBeEmpty(String queue, QueueDepth depth, List<PeekedMessage> peek) {
        return new ShouldBeEmpty("Expecting %s to be empty (nothing visible, in flight or delayed)\nbut it holds %s"
                + " (%s).\n%s", unquotedString(queue), unquotedString(Texts.count(depth.total(), "message", "messages")),
                unquotedString(Texts.depth(depth)), unquotedString(Texts.messages(peek)));
    }
}
