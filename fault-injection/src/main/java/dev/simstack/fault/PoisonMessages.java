package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.SqsHook;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Poison messages: a Lambda function's event source mapping fails on the messages of {@code queue} that match.
 * Without ReportBatchItemFailures their whole batch fails; with it, they are reported as failed items. Either
 * way they are not deleted, come back after the visibility timeout, and after the queue's {@code maxReceiveCount}
 * receives move to its dead-letter queue, where a redrive ({@code StartMessageMoveTask}) brings them back once
 * the fault is lifted. The handler still runs on the batch (its invocation is recorded as it answered): the
 * failure is the poller's view of the batch, as a handler that fails on those records would cause. An immutable
 * value: {@code PoisonMessages.on("orders", MessageMatcher.bodyContains("poison"))}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PoisonMessages implements SemanticFault {

    private final String queue;
    private final MessageMatcher matcher;

    private PoisonMessages(String queue, MessageMatcher matcher) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * The messages of {@code queue} that {@code matcher} picks fail their consumer.
     *
     * @param queue the queue's name
     * @param matcher the poison messages
     * @return the fault
     */
    public static PoisonMessages on(String queue, MessageMatcher matcher) {
        return new PoisonMessages(queue, matcher);
    }

    @Override
    public String name() {
        return "poison-messages on " + queue;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        return new SqsHook() {
            @Override
            public boolean poisons(ResourceRef ref, Message message) {
                return ref.name().equals(queue) && matcher.matches(message);
            }

            @Override
            public String toString() {
                return PoisonMessages.this.toString();
            }
        };
    }

    @Override
    public String toString() {
        return name() + ": an event source mapping fails on " + (matcher.isAny() ? "every message"
                : "messages with " + matcher);
    }
}
