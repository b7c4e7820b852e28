package dev.simstack.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.assertions.error.ShouldBeDeliveredAtMostTimes;
import dev.simstack.assertions.error.ShouldHaveDuplicateDeliveries;
import dev.simstack.assertions.error.ShouldHaveEndToEndLatencyAtMost;
import dev.simstack.assertions.error.ShouldHaveLostNoMessage;
import dev.simstack.assertions.error.ShouldHaveNoDuplicateDeliveries;
import dev.simstack.assertions.error.ShouldPreserveOrderPerMessageGroup;
import dev.simstack.assertions.internal.DeliveryReport;
import dev.simstack.assertions.internal.GroupOrder;
import dev.simstack.assertions.internal.MessageLife;
import dev.simstack.assertions.internal.MessageLives;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.ResourceRef;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how the messages sent to a queue were delivered, read from the stack's ledger (its
 * {@link LedgerEntry.Message} steps): none lost, how often each was delivered, order per message group and
 * time from send to delete. A message is followed by its id into the queue's dead-letter queue, and back when
 * a redrive sends it again. Every assertion first checks that the ledger holds the whole record
 * ({@link dev.simstack.core.Ledger#requireComplete(String)}), so an evicted ledger never gives a false pass.
 *
 * <p>The ledger does not record bodies: a failure shows a message's body only while the message is still in
 * the queue or its dead-letter queue. A queue's messages are those sent to it (SendMessage, a batch, an
 * integration or a redrive); a dead-letter queue checked on its own has only those sent to it directly.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class DeliveryAssert extends AbstractAssert<DeliveryAssert, QueueDeliveries> {

    /**
     * Assertions on the deliveries of {@code actual}'s queue.
     *
     * @param actual the stack and the queue
     */
    public DeliveryAssert(QueueDeliveries actual) {
        super(actual, DeliveryAssert.class);
        this.ledgerOnly = null;
        this.queueRef = null;
    }

    /** Assertions on the deliveries to {@code queue} that {@code ledger} records, read without a stack. */
    DeliveryAssert(LedgerOnly ledger, ResourceRef queue) {
        super(null, DeliveryAssert.class);
        this.ledgerOnly = ledger;
        this.queueRef = queue;
    }

    /** The ledger read alone, or null when read through {@link #actual}'s stack. */
    private final LedgerOnly ledgerOnly;
    private final ResourceRef queueRef;

    /**
     * Every message sent to the queue was delivered at least once and then deleted, or moved to the
     * dead-letter queue (and not expired or purged there). A message deleted while an invocation that
     * carried it was running, which then failed or timed out, counts as lost: it was deleted before its work
     * was done. The failure lists each lost message with its steps in time order.
     *
     * @return this assertion
     */
    public DeliveryAssert noneLost() {
        if (ledgerOnly != null) {
            throw ledgerOnly.needsMore("delivery(\"" + queueRef.name() + "\").noneLost()", "the moves to dead-letter"
                    + " queues, expiries and purges the service made, and the Lambda invocations that carried each"
                    + " message");
        }
        List<MessageLife> lives = lives("noneLost()");
        List<LedgerEntry.Invocation> invocations = actual.stack().ledger().entries(LedgerEntry.Invocation.class);
        DeliveryReport report = new DeliveryReport(actual);
        List<String> lost = lives.stream()
                .flatMap(life -> life.lostBecause(invocations).map(why -> report.lost(life, why)).stream())
                .toList();
        if (!lost.isEmpty()) {
            throwAssertionError(ShouldHaveLostNoMessage.shouldHaveLostNoMessage(queue(), lives.size(), lost));
        }
        return myself;
    }

    /**
     * No message was delivered (from the queue) more than once.
     *
     * @return this assertion
     */
    public DeliveryAssert hasNoDuplicateDeliveries() {
        List<String> duplicates = deliveredMoreThan(1, "hasNoDuplicateDeliveries()");
        if (!duplicates.isEmpty()) {
            throwAssertionError(ShouldHaveNoDuplicateDeliveries.shouldHaveNoDuplicateDeliveries(queue(), duplicates));
        }
        return myself;
    }

    /**
     * Exactly {@code messages} messages were delivered more than once (however often each).
     *
     * @param messages how many messages were delivered more than once
     * @return this assertion
     */
    public DeliveryAssert hasDuplicateDeliveries(int messages) {
        List<String> duplicates = deliveredMoreThan(1, "hasDuplicateDeliveries(" + messages + ")");
        if (duplicates.size() != messages) {
            throwAssertionError(ShouldHaveDuplicateDeliveries.shouldHaveDuplicateDeliveries(queue(), messages,
                    duplicates));
        }
        return myself;
    }

    /**
     * No message was delivered (from the queue) more than {@code times} times.
     *
     * @param times the most deliveries allowed per message
     * @return this assertion
     */
    public DeliveryAssert deliveredAtMostTimes(int times) {
        List<String> over = deliveredMoreThan(times, "deliveredAtMostTimes(" + times + ")");
        if (!over.isEmpty()) {
            throwAssertionError(ShouldBeDeliveredAtMostTimes.shouldBeDeliveredAtMostTimes(queue(), times, over));
        }
        return myself;
    }

    /**
     * Within each message group, messages were delivered in the order they were sent: no delivery of a message
     * after a message of its group sent later had been delivered. Fails when no message carried a group.
     *
     * @return this assertion
     */
    public DeliveryAssert preservesOrderPerMessageGroup() {
        List<MessageLife> lives = lives("preservesOrderPerMessageGroup()");
        if (lives.stream().allMatch(life -> life.groupId() == null)) {
            throwAssertionError(ShouldPreserveOrderPerMessageGroup.shouldHaveMessageGroups(queue()));
        }
        List<String> violations = GroupOrder.violations(lives);
        if (!violations.isEmpty()) {
            throwAssertionError(ShouldPreserveOrderPerMessageGroup.shouldPreserveOrderPerMessageGroup(queue(),
                    violations));
        }
        return myself;
    }

    /**
     * Each message deleted from the queue was deleted at most {@code max} after it was first sent, on the
     * stack's clock. Messages not deleted (lost, or in the dead-letter queue) are left to {@link #noneLost()}.
     * The failure lists the slowest ten, slowest first.
     *
     * @param max the longest time allowed from send to delete
     * @return this assertion
     */
    public DeliveryAssert hasEndToEndLatencyAtMost(Duration max) {
        Objects.requireNonNull(max, "max");
        List<MessageLife> deleted = lives("hasEndToEndLatencyAtMost(" + max + ")").stream()
                .filter(life -> life.endToEnd().isPresent()).toList();
        List<MessageLife> slower = deleted.stream().filter(life -> life.endToEnd().orElseThrow().compareTo(max) > 0)
                .sorted(Comparator.comparing((MessageLife life) -> life.endToEnd().orElseThrow()).reversed())
                .toList();
        if (!slower.isEmpty()) {
            List<String> slowest = slower.stream().limit(10).map(DeliveryReport::latency).toList();
            throwAssertionError(ShouldHaveEndToEndLatencyAtMost.shouldHaveEndToEndLatencyAtMost(queue(), max,
                    deleted.size(), slowest, slower.size()));
        }
        return myself;
    }

    private List<String> deliveredMoreThan(int times, String assertion) {
        return lives(assertion).stream().filter(life -> life.deliveries().size() > times)
                .map(DeliveryReport::deliveries).toList();
    }

    private List<MessageLife> lives(String assertion) {
        if (ledgerOnly != null) {
            return MessageLives.of(MessageLives.readWhole(ledgerOnly.ledger(), "delivery(\"" + queueRef.name() + "\")."
                    + assertion), queueRef, null);
        }
        isNotNull();
        ResourceRef deadLetterQueue = actual.deadLetterQueue().map(QueueHandle::ref).orElse(null);
        List<LedgerEntry.Message> steps = MessageLives.readWhole(actual.stack().ledger(),
                "delivery(\"" + actual.queue().ref().name() + "\")." + assertion);
        return MessageLives.of(steps, actual.queue().ref(), deadLetterQueue);
    }

    private String queue() {
        return ledgerOnly != null ? queueRef.toString() : actual.queue().ref().toString();
    }
}
