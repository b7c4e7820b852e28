package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.FunctionHandle;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a running stack, from which to navigate to one of its resources: {@link #queue(String)},
 * {@link #function(String)}, {@link #api(String)}, {@link #delivery(String)}, {@link #idempotency()}. A name the stack does not have fails with an
 * {@link IllegalArgumentException} listing the names it has (a mistake in the test, not a failed assertion).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class StackAssert extends AbstractAssert<StackAssert, Stack> {

    private Origin origin;

    /**
     * An assert on {@code actual} that throws on failure; {@link SimStackAssertions#assertThat(Stack)} is the usual
     * way to get one (soft assertions construct it reflectively).
     *
     * @param actual the stack
     */
    public StackAssert(Stack actual) {
        super(actual, StackAssert.class);
    }

    /** Makes the asserts this one navigates to soft ones too. */
    void softly(org.assertj.core.api.SoftAssertionsProvider soft) {
        this.origin = new Origin(actual, soft);
    }

    /** Where the asserts this one navigates to come from: its stack, and the soft collector if any. */
    Origin origin() {
        return origin != null ? origin : new Origin(actual, null);
    }

    /**
     * Assertions on SQS queue {@code name} in the stack's default region.
     *
     * @param name the queue's name
     * @return the queue's assert
     * @throws IllegalArgumentException if the stack has no such queue
     */
    public QueueAssert queue(String name) {
        return queue(actual.defaultRegion(), name);
    }

    /**
     * Assertions on SQS queue {@code name} in {@code region}.
     *
     * @param region one of the stack's regions
     * @param name the queue's name
     * @return the queue's assert
     * @throws IllegalArgumentException if the stack has no such queue
     */
    public QueueAssert queue(String region, String name) {
        return QueueAssert.of(origin(), actual.queue(region, name), null);
    }

    /**
     * Assertions on Lambda function {@code name} in the stack's default region, from the ledger's invocations.
     *
     * @param name the function's name
     * @return the function's assert
     * @throws IllegalArgumentException if the stack has no such function
     */
    public FunctionAssert function(String name) {
        FunctionHandle function = actual.function(name);
        return FunctionAssert.of(origin(), function, null);
    }

    /**
     * Assertions on API Gateway API {@code name} in the stack's default region, from the ledger's API requests.
     *
     * @param name the API's name
     * @return the API's assert
     * @throws IllegalArgumentException if the stack has no such API
     */
    public ApiAssert api(String name) {
        ApiHandle api = actual.api(name);
        return ApiAssert.of(origin(), api, name, null);
    }

    /**
     * The delivery of the messages sent to SQS queue {@code name} (in the stack's default region), read from the
     * ledger: none lost, duplicates, order per message group, end-to-end latency.
     *
     * @param name the queue's name
     * @return the queue's delivery assert
     * @throws IllegalArgumentException if the stack has no such queue, listing those it has
     */
    public DeliveryAssert delivery(String name) {
        isNotNull();
        QueueDeliveries deliveries = QueueDeliveries.of(actual, name);
        return origin().make(DeliveryAssert.class, QueueDeliveries.class, deliveries, DeliveryAssert::new);
    }

    /**
     * Whether each business key's effect (an applied DynamoDB item write, an S3 object write) happened exactly
     * once despite duplicate deliveries and retries, read from the ledger.
     *
     * @return the idempotency assert
     */
    public IdempotencyAssert idempotency() {
        isNotNull();
        return IdempotencyAssert.of(origin());
    }
}
