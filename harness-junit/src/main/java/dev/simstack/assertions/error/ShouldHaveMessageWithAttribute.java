package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue in which no message carries a message attribute with the value expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveMessageWithAttribute extends BasicErrorMessageFactory {

    private ShouldHaveMessageWithAttribute(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     * @param name the attribute name
     * @param value the String or Number value expected
     * @param peek the messages in the queue, with their attributes
     */
    public static ErrorMessageFactory shouldHaveMessageWithAttribute(String queue, String name, String value,
            List<PeekedMessage> peek) {
        return new ShouldHaveMessageWithAttribute("Expecting %s to hold a message with attribute %s = %s\nbut none"
                + " has it.\n%s", unquotedString(queue), unquotedString(name), unquotedString(value),
                unquotedString(Texts.messages(peek)));
    }
}
