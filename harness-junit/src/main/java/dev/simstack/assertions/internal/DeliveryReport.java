package dev.simstack.assertions.internal;

import dev.simstack.assertions.QueueDeliveries;
import dev.simstack.core.LedgerEntry.Message;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The lines a delivery failure shows about a message. */
public final class DeliveryReport {

    private final QueueDeliveries deliveries;
    private Map<String, PeekedMessage> present;

    /** Reports on the messages of {@code deliveries}' queue. */
    public DeliveryReport(QueueDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** A lost message: its id, its body if it is still in the queue or its DLQ, its steps, why it is lost. */
    public String lost(MessageLife life, String why) {
        PeekedMessage message = present().get(life.messageId());
        String body = message == null ? "" : " (body " + message.body() + ", now " + message.state()
                + " in " + (message.systemAttributes().containsKey("DeadLetterQueueSourceArn")
                ? "the dead-letter queue" : "the queue") + ")";
        return "message " + life.messageId() + body + ":" + MessageText.indented(steps(life), 2)
                + "\n  " + why;
    }

    /** A message delivered more than once: how often, and when. */
    public static String deliveries(MessageLife life) {
        List<Message> delivered = life.deliveries();
        return "message " + life.messageId() + ": delivered " + delivered.size() + " times ("
                + delivered.stream().map(step -> "#" + step.sequence() + " " + step.at())
                        .collect(Collectors.joining(", ")) + ")";
    }

    /** A deleted message's time from send to delete. */
    public static String latency(MessageLife life) {
        Message sent = life.sent();
        Message deleted = life.deleted().orElseThrow();
        return "message " + life.messageId() + ": " + life.endToEnd().orElseThrow() + " (sent #" + sent.sequence()
                + " " + sent.at() + ", deleted #" + deleted.sequence() + " " + deleted.at() + ", delivered "
                + life.deliveries().size() + (life.deliveries().size() == 1 ? " time)" : " times)");
    }

    private List<String> steps(MessageLife life) {
        return life.steps().stream().map(step -> LedgerLines.step(step, life.queue())).toList();
    }

    /** The messages now in the queue and its dead-letter queue, by id, read once. */
    private Map<String, PeekedMessage> present() {
        if (present == null) {
            present = new HashMap<>();
            peek(deliveries.queue());
            deliveries.deadLetterQueue().ifPresent(this::peek);
        }
        return present;
    }

    private void peek(QueueHandle queue) {
        try {
            queue.peek().forEach(message -> present.putIfAbsent(message.messageId(), message));
        } catch (IllegalStateException deleted) {
            // A deleted queue holds no message whose body could be shown.
        }
    }
}
