package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue whose messages do not carry the bodies expected, in order or in any order. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldContainBodies extends BasicErrorMessageFactory {

    private ShouldContainBodies(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message of {@code containsExactlyBodies}.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param expected the bodies expected, in queue order
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldContainExactlyBodies(String queue, List<String> expected,
            List<PeekedMessage> peek) {
        return new ShouldContainBodies("Expecting %s to hold exactly these bodies, in queue order:\n  %s\nbut it holds:\n"
                + "  %s\n%s", unquotedString(queue), unquotedString(Texts.joined(expected)),
                unquotedString(Texts.joined(peek.stream().map(PeekedMessage::body).toList())),
                unquotedString(Texts.messages(peek)));
    }

    /**
     * Creates the message of {@code containsBodiesInAnyOrder}.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param expected the bodies expected, in any order
     * @param missing the expected bodies no message carries
     * @param unexpected the bodies of messages that were not expected
     * @param peek the messages in the queue
     */
    public static ErrorMessageFactory shouldContainBodiesInAnyOrder(String queue, List<String> expected,
            List<String> missing, List<String> unexpected, List<PeekedMessage> peek) {
        return new ShouldContainBodies("Expecting %s to hold exactly these bodies, in any order:\n  %s\nbut these are"
                + " missing: %s\nand these were not expected: %s\n%s", unquotedString(queue),
                unquotedString(Texts.joined(expected)), unquotedString(Texts.joined(missing)),
                unquotedString(Texts.joined(unexpected)), unquotedString(Texts.messages(peek)));
    }
}
