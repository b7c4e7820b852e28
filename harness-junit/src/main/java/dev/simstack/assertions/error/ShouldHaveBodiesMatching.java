package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue some of whose messages have a body that does not match, or that holds none. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveBodiesMatching extends BasicErrorMessageFactory {

    private ShouldHaveBodiesMatching(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param condition what the bodies should match, e.g. {@code the regex "\\{.*\\}"}
     * @param peek the messages in the queue
     * @param mismatches the 1-based positions in {@code peek} of the messages whose body does not match
     */
    public static ErrorMessageFactory shouldHaveBodiesMatching(String queue, String condition,
            List<PeekedMessage> peek, List<Integer> mismatches) {
        String found = peek.isEmpty() ? "it holds no message"
                : "the bodies of messages " + Texts.joined(mismatches) + " do not";
        return new ShouldHaveBodiesMatching("Expecting %s to hold messages whose bodies all match %s\nbut %s.\n%s",
                unquotedString(queue), unquotedString(condition), unquotedString(found),
                unquotedString(Texts.messages(peek)));
    }
}
