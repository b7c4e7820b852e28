package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How many messages a queue holds, by state, read at one instant under the queue's own lock: the numbers
 * agree with each other, which GetQueueAttributes' three "approximate" counts need not do on AWS. Take it
 * with {@link QueueHandle#depth()}.
 *
 * @param visible messages a receive could get now (ApproximateNumberOfMessages)
 * @param inFlight messages received and not yet deleted, hidden by their visibility timeout
 *     (ApproximateNumberOfMessagesNotVisible)
 * @param delayed messages sent with a delay that has not passed yet (ApproximateNumberOfMessagesDelayed)
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record QueueDepth(int visible, int inFlight, int delayed) {

    /** Every message in the queue, whatever its state. */
    public int total() {
        return visible + inFlight + delayed;
    }

    /** True when the queue holds no message at all (none visible, in flight or delayed). */
    public boolean isEmpty() {
        return total() == 0;
    }

    @Override
    public String toString() {
        return "QueueDepth[visible=" + visible + ", inFlight=" + inFlight + ", delayed=" + delayed + ", total="
                + total() + "]";
    }
}
