package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.SimRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIFO queue's messages by message group. Within a group messages are delivered strictly in order, and
 * a group with a message in flight gives out nothing more until that message is deleted or becomes
 * visible again (SQS Developer Guide, "FIFO queue logic"). A receive takes as many messages of one group
 * as it can before moving to the next group, groups in the order they appeared.
 */
final class FifoMessages implements VisibleMessages {

    private final Map<String, MessageGroup> groups = new LinkedHashMap<>();

    private static final class MessageGroup {
        final ArrayDeque<SqsMessage> messages = new ArrayDeque<>();
        int inFlight;
    }

    @Override
    public void entered(SqsMessage message) {
        groups.computeIfAbsent(message.payload.groupId(), id -> new MessageGroup()).messages.addLast(message);
    }

    @Override
    public void visible(SqsMessage message, SqsMessage.State from) {
        if (from == SqsMessage.State.IN_FLIGHT) {
            groups.get(message.payload.groupId()).inFlight--;
        }
    }

    @Override
    public void hidden(SqsMessage message) {
        groups.get(message.payload.groupId()).inFlight++;
    }

    @Override
    public void left(SqsMessage message, SqsMessage.State from) {
        MessageGroup group = groups.get(message.payload.groupId());
        if (group == null) {
            return;
        }
        if (group.messages.peekFirst() == message) {
            group.messages.pollFirst();
        } else {
            group.messages.remove(message);
        }
        if (from == SqsMessage.State.IN_FLIGHT) {
            group.inFlight--;
        }
        if (group.messages.isEmpty()) {
            groups.remove(message.payload.groupId());
        }
    }

    @Override
    public List<SqsMessage> pick(int max, SimRandom random) {
        List<SqsMessage> picked = new ArrayList<>(Math.min(max, 10));
        for (MessageGroup group : groups.values()) {
            if (group.inFlight > 0) {
                continue;
            }
            for (Iterator<SqsMessage> it = group.messages.iterator(); it.hasNext() && picked.size() < max;) {
                SqsMessage message = it.next();
                if (message.state != SqsMessage.State.VISIBLE) {
                    break;
                }
                picked.add(message);
            }
            if (picked.size() == max) {
                break;
            }
        }
        return picked;
    }
}
