package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.SimRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A standard queue's visible messages. SQS gives standard queues only "best-effort ordering", so which
 * visible messages a receive returns is drawn from the stack's seeded random source: each pick takes a
 * random slot of this list and swaps the last one into it, O(1) per message whatever the queue's depth.
 */
final class StandardMessages implements VisibleMessages {

    private final ArrayList<SqsMessage> visible = new ArrayList<>();

    @Override
    public void entered(SqsMessage message) {
        // a standard queue keeps no order to join
    }

    @Override
    public void visible(SqsMessage message, SqsMessage.State from) {
        if (message.visibleIndex < 0) {
            message.visibleIndex = visible.size();
            visible.add(message);
        }
    }

    @Override
    public void hidden(SqsMessage message) {
        detach(message);
    }

    @Override
    public void left(SqsMessage message, SqsMessage.State from) {
        detach(message);
    }

    @Override
    public List<SqsMessage> pick(int max, SimRandom random) {
        int count = Math.min(max, visible.size());
        List<SqsMessage> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SqsMessage message = visible.get(random.nextInt(visible.size()));
            detach(message);
            picked.add(message);
        }
        return picked;
    }

    private void detach(SqsMessage message) {
        int index = message.visibleIndex;
        if (index < 0) {
            return;
        }
        int last = visible.size() - 1;
        SqsMessage moved = visible.remove(last);
        if (index != last) {
            visible.set(index, moved);
            moved.visibleIndex = index;
        }
        message.visibleIndex = -1;
    }
}
