package dev.simstack.assertions.internal;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.ResourceRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's steps of one message sent to a queue, in sequence order, there and in the queue's dead-letter
 * queue (a message keeps its id when it moves there, and when a redrive sends it back).
 *
 * @param messageId the message id
 * @param queue the queue it was sent to
 * @param steps its steps in the queue and its dead-letter queue, in sequence order, without FIFO deduplications
 */
public record MessageLife(String messageId, ResourceRef queue, List<Message> steps) {

    /** The first time it was sent to the queue. */
    public Message sent() {
        return steps.stream().filter(step -> inQueue(step) && step.kind() == MessageEvent.SENT).findFirst()
                .orElseThrow();
    }

    /** Its deliveries from the queue (not from the dead-letter queue), in order. */
    public List<Message> deliveries() {
        return steps.stream().filter(step -> inQueue(step) && step.kind() == MessageEvent.DELIVERED).toList();
    }

    /** The message group it was sent in, or null. */
    public String groupId() {
        return sent().messageGroupId();
    }

    /** Its deletion from the queue, if that is the last step it took there. */
    public Optional<Message> deleted() {
        Message last = lastInQueue();
        return last.kind() == MessageEvent.DELETED ? Optional.of(last) : Optional.empty();
    }

    /** Time from its first send to its deletion from the queue, if it was deleted there. */
    public Optional<Duration> endToEnd() {
        return deleted().map(deleted -> Duration.between(sent().at(), deleted.at()));
    }

    /**
     * Why it counts as lost, or empty when it was delivered and then deleted (by a consumer that did not fail
     * around the delete) or moved to the dead-letter queue (and not expired or purged there).
     *
     * @param invocations the ledger's invocations, to tell a delete inside a failed invocation
     */
    public Optional<String> lostBecause(List<LedgerEntry.Invocation> invocations) {
        Message last = lastInQueue();
        if (deliveries().isEmpty()) {
            return Optional.of("never delivered" + endedBy(last));
        }
        return switch (last.kind()) {
            case DELETED -> failedAround(last, invocations).map(failed -> "deleted during invocation "
                    + failed.requestId() + " of " + failed.function() + ", which then failed (" + failed.outcome()
                    + ") at " + failed.end() + ": the delete came before the work was done");
            case MOVED_TO_DLQ -> goneFromDeadLetterQueue(last).map(gone -> "moved to the dead-letter queue, then "
                    + (gone.kind() == MessageEvent.EXPIRED ? "expired" : "purged") + " there at " + gone.at()
                    + " without being deleted");
            default -> Optional.of("never deleted" + endedBy(last));
        };
    }

    private static String endedBy(Message last) {
        return switch (last.kind()) {
            case EXPIRED -> ": expired at " + last.at() + " (MessageRetentionPeriod)";
            case PURGED -> ": purged at " + last.at();
            default -> "";
        };
    }

    private Optional<LedgerEntry.Invocation> failedAround(Message deleted, List<LedgerEntry.Invocation> invocations) {
        // An invocation's entry is appended when it ends, so one running at the delete comes later in sequence.
        return invocations.stream()
                .filter(invocation -> invocation.carried().contains(messageId))
                .filter(invocation -> invocation.outcome() == InvocationOutcome.ERROR
                        || invocation.outcome() == InvocationOutcome.TIMEOUT)
                .filter(invocation -> invocation.sequence() > deleted.sequence()
                        && !invocation.start().isAfter(deleted.at()))
                .findFirst();
    }

    private Optional<Message> goneFromDeadLetterQueue(Message moved) {
        return steps.stream()
                .filter(step -> step.sequence() > moved.sequence() && !inQueue(step))
                .filter(step -> step.kind() == MessageEvent.EXPIRED || step.kind() == MessageEvent.PURGED)
                .findFirst();
    }

    private Message lastInQueue() {
        Message last = null;
        for (Message step : steps) {
            if (inQueue(step)) {
                last = step;
            }
        }
        return last;
    }

    private boolean inQueue(Message step) {
        return step.queue().equals(queue);
    }
}
