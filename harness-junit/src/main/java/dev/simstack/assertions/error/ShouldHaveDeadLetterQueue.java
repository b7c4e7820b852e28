package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;


import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a queue without a redrive policy, asked for its dead-letter queue. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveDeadLetterQueue extends BasicErrorMessageFactory {

    private ShouldHaveDeadLetterQueue(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param queue the queue, e.g. {@code queue orders in us-east-1}
     */
    public static ErrorMessageFactory shouldHaveDeadLetterQueue(String queue) {
        return new ShouldHaveDeadLetterQueue("Expecting %s to have a dead-letter queue\nbut it has no redrive policy"
                + " (declare one, e.g. @Queue(deadLetterQueue = ..., maxReceiveCount = ...)).", unquotedString(queue));
    }
}
