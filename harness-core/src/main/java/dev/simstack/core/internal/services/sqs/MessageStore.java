package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.SimRandom;
import dev.simstack.core.internal.services.sqs.SqsMessage.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The messages of one queue and their state machine: DELAYED and IN_FLIGHT messages wait in a deadline
 * heap until their instant, VISIBLE ones in the queue type's {@link VisibleMessages}, and every message in
 * a retention heap. Not thread-safe: the owning {@link SqsQueue} calls it under its lock.
 */
final class MessageStore {

    /** In the order messages entered the queue: {@link #all()} is the queue's order. */
    private final Map<String, SqsMessage> byId = new LinkedHashMap<>();
    private final DeadlineHeap timers = new DeadlineHeap(0, message -> message.visibleAt);
    private final DeadlineHeap retention = new DeadlineHeap(1, message -> message.retainedFrom);
    private final VisibleMessages visible;
    private int visibleCount;
    private int inFlightCount;
    private int delayedCount;
    private long entries;

    MessageStore(VisibleMessages visible) {
        this.visible = visible;
    }

    /** Adds a message, visible at once unless its {@code visibleAt} is still ahead of {@code now}. */
    void add(SqsMessage message, long now) {
        byId.put(message.id(), message);
        message.entered = ++entries;
        retention.add(message);
        visible.entered(message);
        if (message.visibleAt > now) {
            message.state = State.DELAYED;
            delayedCount++;
            timers.add(message);
        } else {
            message.state = State.VISIBLE;
            visibleCount++;
            visible.visible(message, null);
        }
    }

    /** Makes visible every delayed or in-flight message whose instant has come. */
    void advance(long now) {
        while (timers.peekKey() <= now) {
            SqsMessage message = timers.poll();
            State from = message.state;
            count(from, -1);
            message.state = State.VISIBLE;
            visibleCount++;
            visible.visible(message, from);
        }
    }

    /** Removes every message retained since {@code cutoff} or earlier, passing each to {@code expired}. */
    void expire(long cutoff, Consumer<SqsMessage> expired) {
        while (retention.peekKey() <= cutoff) {
            SqsMessage message = retention.poll();
            remove(message);
            expired.accept(message);
        }
    }

    List<SqsMessage> pick(int max, SimRandom random) {
        return visibleCount == 0 ? List.of() : visible.pick(max, random);
    }

    /** Puts a visible or in-flight message in flight until {@code until}. */
    void hide(SqsMessage message, long until) {
        message.visibleAt = until;
        if (message.state == State.VISIBLE) {
            visibleCount--;
            inFlightCount++;
            message.state = State.IN_FLIGHT;
            visible.hidden(message);
        }
        timers.update(message);
    }

    /** Takes a message out of the queue for good (deleted, expired, purged or moved). */
    void remove(SqsMessage message) {
        if (message.state == State.GONE) {
            return;
        }
        State from = message.state;
        count(from, -1);
        message.state = State.GONE;
        byId.remove(message.id());
        timers.remove(message);
        retention.remove(message);
        visible.left(message, from);
    }

    /** Removes every message, passing each to {@code removed}. */
    void clear(Consumer<SqsMessage> removed) {
        List<SqsMessage> all = List.copyOf(byId.values());
        for (SqsMessage message : all) {
            remove(message);
            removed.accept(message);
        }
    }

    /** Every message in the queue, in the order they entered it. */
    List<SqsMessage> all() {
        return List.copyOf(byId.values());
    }

    /** The message with this id, or null if it is no longer in the queue. */
    SqsMessage get(String messageId) {
        return byId.get(messageId);
    }

    /** The next instant a delayed or in-flight message becomes visible, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        return timers.peekKey();
    }

    int visibleCount() {
        return visibleCount;
    }

    int inFlightCount() {
        return inFlightCount;
    }

    int delayedCount() {
        return delayedCount;
    }

    private void count(State state, int delta) {
        switch (state) {
            case VISIBLE:
                visibleCount += delta;
                break;
            case IN_FLIGHT:
                inFlightCount += delta;
                break;
            case DELAYED:
                delayedCount += delta;
                break;
            default:
                break;
        }
    }
}
