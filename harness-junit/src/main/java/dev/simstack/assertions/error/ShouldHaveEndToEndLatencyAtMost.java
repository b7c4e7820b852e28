package dev.simstack.assertions.error;

import static dev.simstack.assertions.internal.MessageText.count;
import static dev.simstack.assertions.internal.MessageText.format;
import static dev.simstack.assertions.internal.MessageText.indented;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The failure of {@code hasEndToEndLatencyAtMost(d)}: messages deleted longer than that after they
 * were sent.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldHaveEndToEndLatencyAtMost extends BasicErrorMessageFactory {

    private ShouldHaveEndToEndLatencyAtMost(String text) {
        super(format(text));
    }

    /**
     * The failure listing the slowest messages, slowest first.
     *
     * @param queue the queue, as its {@code ResourceRef} prints
     * @param max the longest time allowed from send to delete
     * @param deleted how many messages were deleted from the queue
     * @param slowest the messages that took longer, slowest first, one line each (at most ten)
     * @param slower how many messages took longer
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveEndToEndLatencyAtMost(String queue, Duration max, int deleted,
            List<String> slowest, int slower) {
        return new ShouldHaveEndToEndLatencyAtMost("Expecting each message sent to " + queue + " to be deleted at"
                + " most " + max + " after it was sent (on the stack's clock), but " + slower + " of "
                + count(deleted, "deleted message", "deleted messages") + " took longer; the slowest:"
                + indented(slowest, 2)
                + "\nWhere to look: the receives between send and delete (each redelivery waits out a visibility"
                + " timeout), the consumer's concurrency and batching window.");
    }
}
