package dev.simstack.assertions.internal;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.Invocation;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.LedgerEntry.MessageEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A write's business key read from the body of the message its invocation carried: the invocations running at
 * the write (as {@link EffectTimeline} finds them) that carried messages, the bodies of those messages (from
 * their SENT steps), and a function of each body. A write is refused (with an {@link IllegalStateException}
 * naming it) when no such invocation ran, or when the messages give different keys: the ledger does not say
 * which one the write was for, and a guess would let a double effect pass, or report one that is not there.
 */
final class MessageBodyKey implements Function<LedgerEntry, String> {

    private static final String HOW_ELSE = "key the writes by an attribute of the item (byAttribute) or by a "
            + "function of the written key (by) instead";

    private final Function<String, String> businessKey;
    private final EffectTimeline timeline;
    /** The body of each message by id, from its SENT step (a redrive sends it again with the same body). */
    private final Map<String, String> bodies = new HashMap<>();

    MessageBodyKey(Function<String, String> businessKey, List<LedgerEntry> entries) {
        this.businessKey = businessKey;
        this.timeline = new EffectTimeline(entries);
        for (LedgerEntry entry : entries) {
            if (entry instanceof Message step && step.kind() == MessageEvent.SENT && step.body() != null) {
                bodies.put(step.messageId(), step.body());
            }
        }
    }

    @Override
    public String apply(LedgerEntry write) {
        List<Invocation> carrying = timeline.running(write).stream()
                .filter(invocation -> !invocation.carried().isEmpty()).toList();
        if (carrying.isEmpty()) {
            throw new IllegalStateException("byMessageBody cannot key " + EffectTimeline.line(write)
                    + ": no invocation that carried messages was running at it (a consumer of the test's own, or a"
                    + " function not triggered by a queue), so no message body is known for it; " + HOW_ELSE + ".");
        }
        Map<String, List<String>> messagesByKey = new TreeMap<>();
        for (Invocation invocation : carrying) {
            for (String messageId : invocation.carried()) {
                messagesByKey.computeIfAbsent(keyOf(messageId, write), key -> new ArrayList<>()).add(messageId);
            }
        }
        if (messagesByKey.size() > 1) {
            throw new IllegalStateException("byMessageBody cannot key " + EffectTimeline.line(write)
                    + ": the invocations running at it carried messages of " + messagesByKey.size()
                    + " business keys " + messagesByKey + ", and the ledger does not say which one it was for."
                    + " Give the function batch size 1 (@SqsEvent(batchSize = 1)), or " + HOW_ELSE + ".");
        }
        return messagesByKey.keySet().iterator().next();
    }

    private String keyOf(String messageId, LedgerEntry write) {
        String body = bodies.get(messageId);
        if (body == null) {
            throw new IllegalStateException("byMessageBody cannot key " + EffectTimeline.line(write)
                    + ": the ledger holds no body of message " + messageId + " that its invocation carried (sent"
                    + " before the last Stack.reset()); " + HOW_ELSE + ".");
        }
        String key = businessKey.apply(body);
        return key != null ? key : "<no business key: message " + messageId + ">";
    }
}
