package dev.simstack.assertions.internal;

import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lives of the messages sent to one queue, read from a ledger. */
public final class MessageLives {

    private MessageLives() {
    }

    /**
     * Every message the ledger shows sent to {@code queue}, in the order first sent, each with its steps in
     * the queue and in {@code deadLetterQueue} (null when there is none).
     */
    public static List<MessageLife> of(List<Message> steps, ResourceRef queue, ResourceRef deadLetterQueue) {
        Map<String, List<Message>> byId = new LinkedHashMap<>();
        for (Message step : steps) {
            if (step.queue().equals(queue) && step.kind() == MessageEvent.SENT) {
                byId.computeIfAbsent(step.messageId(), id -> new ArrayList<>());
            }
        }
        for (Message step : steps) {
            List<Message> life = byId.get(step.messageId());
            boolean here = step.queue().equals(queue) || step.queue().equals(deadLetterQueue);
            if (life != null && here && step.kind() != MessageEvent.DEDUPLICATED) {
                life.add(step);
            }
        }
        List<MessageLife> lives = new ArrayList<>(byId.size());
        byId.forEach((id, life) -> lives.add(new MessageLife(id, queue, List.copyOf(life))));
        return lives;
    }

    /**
     * The message steps of {@code ledger}, read whole: fails (before any assertion could pass on part of the
     * record) if the ledger has evicted entries.
     */
    public static List<Message> readWhole(Ledger ledger, String why) {
        List<Message> steps = ledger.entries(Message.class);
        ledger.requireComplete(why);
        return steps;
    }
}
