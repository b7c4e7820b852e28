package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions read from a ledger alone, without its stack: the ledger a class on a remote backend gets injected,
 * which holds what the test's own injected clients saw (docs/backends.md). From it, {@link #delivery(String)} and
 * {@link #idempotency()} check what those clients' calls show:
 *
 * <pre>{@code
 * assertThat(ledger).delivery("orders").hasNoDuplicateDeliveries();
 * assertThat(ledger).idempotency().ofItemWrites("payments").eachKeyAppliedOnce();
 * }</pre>
 *
 * <p>What a ledger alone cannot show fails with an {@link IllegalStateException} that says what is missing and,
 * on a remote backend, names the backend: {@link DeliveryAssert#noneLost()} (moves to dead-letter queues and
 * Lambda invocations happen in the service), {@link Effects#byAttribute(String)} (the items as they are now) and
 * {@link Effects#byMessageBody(java.util.function.Function)} (which invocation carried which message). On the
 * embedded engine, take the assertions from {@link SimStackAssertions#assertThat(dev.simstack.core.Stack)}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class LedgerAssert extends AbstractAssert<LedgerAssert, Ledger> {

    /**
     * An assert on {@code actual}; {@link SimStackAssertions#assertThat(Ledger)} is the usual way to get one.
     *
     * @param actual the ledger
     */
    public LedgerAssert(Ledger actual) {
        super(actual, LedgerAssert.class);
    }

    /**
     * The delivery of the messages the ledger shows sent to SQS queue {@code name}, in whichever region the
     * ledger names it.
     *
     * @param name the queue's name, as declared
     * @return the queue's delivery assert
     * @throws IllegalArgumentException if the ledger knows no such queue (listing those it knows), or knows it in
     *     several regions (then use {@link #delivery(String, String)})
     */
    public DeliveryAssert delivery(String name) {
        return delivery(null, name);
    }

    /**
     * The delivery of the messages the ledger shows sent to SQS queue {@code name} in {@code region}.
     *
     * @param region the queue's region
     * @param name the queue's name, as declared
     * @return the queue's delivery assert
     * @throws IllegalArgumentException if the ledger knows no such queue, listing those it knows
     */
    public DeliveryAssert delivery(String region, String name) {
        isNotNull();
        LedgerOnly ledger = new LedgerOnly(actual);
        return new DeliveryAssert(ledger, ledger.resource(AwsService.SQS, region, name));
    }

    /**
     * Whether each business key's effect (an applied DynamoDB item write, an S3 object write, a 2xx call to an
     * HTTP dependency) happened exactly once, counted from the ledger's entries.
     *
     * @return the idempotency assert
     */
    public IdempotencyAssert idempotency() {
        isNotNull();
        return IdempotencyAssert.of(new LedgerOnly(actual));
    }
}
