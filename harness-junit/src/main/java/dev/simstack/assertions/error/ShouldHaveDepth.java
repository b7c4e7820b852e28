package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue's depth, in one of its states or in total, that is not the one expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveDepth extends BasicErrorMessageFactory {

    private ShouldHaveDepth(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param state {@code visible}, {@code in flight}, {@code delayed} or {@code in total}
     * @param expected how many messages were expected in that state
     * @param found how many there are
     * @param depth the whole depth, read with the peek
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldHaveDepth(String queue, String state, int expected, int found,
            QueueDepth depth, List<PeekedMessage> peek) {
        return new ShouldHaveDepth("Expecting %s to hold %s %s\nbut it holds %s (%s).\n%s", unquotedString(queue),
                unquotedString(Texts.count(expected, "message", "messages")), unquotedString(state), found,
                unquotedString(Texts.depth(depth)), unquotedString(Texts.messages(peek)));
    }
}
