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
 * The failure of {@code eachKeyAppliedOnce()} and {@code eachAppliedOnce()}: business keys whose
 * effect did not happen exactly once.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldApplyEachKeyOnce extends BasicErrorMessageFactory {

    private ShouldApplyEachKeyOnce(String text) {
        super(format(text));
    }

    /**
     * The failure naming each key applied another number of times than once, with the timeline of its writes
     * and of the deliveries and invocations around them.
     *
     * @param writes what was counted, e.g. {@code "writes to dynamodb:us-east-1/payments by attribute orderId"}
     * @param keys how many keys were checked
     * @param offending one block per key: how often applied and refused, then its timeline
     * @return the message factory
     */
    public static ErrorMessageFactory shouldApplyEachKeyOnce(String writes, int keys, List<String> offending) {
        return new ShouldApplyEachKeyOnce("Expecting each key of the " + writes + " to be applied exactly once,"
                + " but " + offending.size() + " of " + count(keys, "key", "keys") + " "
                + (offending.size() == 1 ? "was" : "were") + " not:" + indented(offending, 2)
                + "\nWhere to look: a consumer that applies its effect again for a redelivered message or a"
                + " retried invocation; make the write conditional (attribute_not_exists in DynamoDB,"
                + " If-None-Match: * in S3) so that a repeat is refused.");
    }

    /**
     * The failure naming each business key whose calls to an HTTP dependency succeeded (2xx) another number of
     * times than once, with the timeline of its calls and of the deliveries and invocations around them.
     *
     * @param calls what was counted, e.g. {@code "calls to HTTP dependency payments by business key"}
     * @param keys how many keys were checked
     * @param offending one block per key: how often it succeeded and failed, then its timeline
     * @return the message factory
     */
    public static ErrorMessageFactory shouldCallEachKeyOnce(String calls, int keys, List<String> offending) {
        return new ShouldApplyEachKeyOnce("Expecting each key of the " + calls + " to be applied exactly once"
                + " (one call answered 2xx), but " + offending.size() + " of " + count(keys, "key", "keys") + " "
                + (offending.size() == 1 ? "was" : "were") + " not:" + indented(offending, 2)
                + "\nWhere to look: a consumer that calls again for a redelivered or re-sent message or a retried"
                + " invocation; record the key conditionally before calling (attribute_not_exists in DynamoDB) and"
                + " skip the call when it is already there, or send it as the provider's idempotency key.");
    }
}
