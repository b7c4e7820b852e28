package dev.simstack.fault;

import dev.simstack.core.SimRandom;
import dev.simstack.core.SqsHook;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one activated message fault on one queue: which messages it picked (by matcher, then exactly
 * the Nth matching message sent, or by a draw per message), and how many it has faulted. A message is decided
 * once, with one draw from the queue's stream, when it is sent (a message sent before the fault was applied: when
 * the fault first meets it). Sends reach the queue in its client's order, under the queue's lock, whereas receives
 * pick among the visible messages with the stack's own stream, which other queues' receives move: deciding at the
 * send makes the same seed and the same sends to the queue pick the same messages, whatever other queues do.
 */
final class MessageSelection {

    private final MessageMatcher matcher;
    private final double probability;
    private final long nth;
    private final long times;
    private final SimRandom random;
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Set<String> faulted = new HashSet<>();
    private long matchingSent;

    MessageSelection(MessageMatcher matcher, double probability, long nth, long times, SimRandom random) {
        this.matcher = matcher;
        this.probability = probability;
        this.nth = nth;
        this.times = times;
        this.random = random;
    }

    synchronized void sent(SqsHook.Message message) {
        if (nth > 0 && matcher.matches(message)) {
            matchingSent++;
            decided.put(message.messageId(), matchingSent == nth);
        } else if (nth == 0) {
            picked(message);
        }
    }

    /** Whether to fault {@code message} now: picked, not faulted before, and within {@code times}; counts it. */
    synchronized boolean fault(SqsHook.Message message) {
        if (faulted.size() >= times || faulted.contains(message.messageId()) || !picked(message)) {
            return false;
        }
        faulted.add(message.messageId());
        return true;
    }

    private boolean picked(SqsHook.Message message) {
        Boolean known = decided.get(message.messageId());
        if (known != null) {
            return known;
        }
        boolean pick = nth == 0 && matcher.matches(message) && (probability >= 1 || random.chance(probability));
        decided.put(message.messageId(), pick);
        return pick;
    }

    static void check(String what, double probability, long nth, long times) {
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException(what + ": probability " + probability + " is not in (0, 1]");
        }
        if (nth < 0) {
            throw new IllegalArgumentException(what + ": nth " + nth + " is negative; 0 for none, 1 for the first");
        }
        if (times < 1) {
            throw new IllegalArgumentException(what + ": times " + times + " is less than 1");
        }
    }

    static String describe(MessageMatcher matcher, double probability, long nth, long times) {
        StringBuilder text = new StringBuilder(nth > 0 ? "the " + ordinal(nth) + " " : "")
                .append(matcher.isAny() ? (nth > 0 ? "message sent" : "messages") : (nth > 0 ? "message sent with "
                        : "messages with ") + matcher);
        if (probability < 1) {
            text.append(", probability ").append(probability);
        }
        if (times != Long.MAX_VALUE) {
            text.append(", at most ").append(times).append('x');
        }
        return text.toString();
    }

    private static String ordinal(long n) {
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
