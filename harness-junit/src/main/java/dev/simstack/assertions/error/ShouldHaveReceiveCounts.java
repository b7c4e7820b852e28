package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue whose messages were received more or less often than expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveReceiveCounts extends BasicErrorMessageFactory {

    private ShouldHaveReceiveCounts(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message of {@code hasReceiveCounts}.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param expected the receive counts expected, in queue order
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldHaveReceiveCounts(String queue, List<Integer> expected,
            List<PeekedMessage> peek) {
        return new ShouldHaveReceiveCounts("Expecting the messages of %s to have the receive counts %s, in queue"
                + " order,\nbut they have %s.\n%s", unquotedString(queue), unquotedString(Texts.joined(expected)),
                unquotedString(Texts.joined(peek.stream().map(PeekedMessage::receiveCount).toList())),
                unquotedString(Texts.messages(peek)));
    }

    /**
     * Creates the message of {@code allHaveReceiveCount}.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param expected the receive count every message should have
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldAllHaveReceiveCount(String queue, int expected, List<PeekedMessage> peek) {
        String found = peek.isEmpty() ? "it holds no message"
                : "they have " + Texts.joined(peek.stream().map(PeekedMessage::receiveCount).toList());
        return new ShouldHaveReceiveCounts("Expecting every message of %s to have receive count %s\nbut %s.\n%s",
                unquotedString(queue), expected, unquotedString(found), unquotedString(Texts.messages(peek)));
    }
}
