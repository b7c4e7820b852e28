package dev.simstack.assertions.error;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The pieces the messages share, so that a queue, a message or a duration reads the same in every one. */
final class Texts {

    /** A message lists at most this many messages, invocations or requests: enough to see, short enough to read. */
    static final int SHOWN = 10;
    private static final int BODY_CHARS = 200;

    private Texts() {
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String depth(QueueDepth depth) {
        return "visible " + depth.visible() + ", in flight " + depth.inFlight() + ", delayed " + depth.delayed();
    }

    /** The messages a peek saw, numbered in queue order, or that there are none. */
    static String messages(List<PeekedMessage> messages) {
        if (messages.isEmpty()) {
            return "The queue holds no message.";
        }
        StringBuilder text = new StringBuilder("Messages in the queue now (a peek, in queue order):");
        for (int i = 0; i < Math.min(messages.size(), SHOWN); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(message(messages.get(i)));
        }
        return text.append(more(messages.size())).toString();
    }

    static String message(PeekedMessage message) {
        String state = message.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String attributes = message.attributes().isEmpty() ? ""
                : " attributes " + new java.util.TreeMap<>(message.attributes());
        return state + ", receive count " + message.receiveCount() + ": " + body(message.body()) + attributes;
    }

    static String body(String body) {
        return body.length() <= BODY_CHARS ? body : body.substring(0, BODY_CHARS) + "... (" + body.length() + " chars)";
    }

    static String more(int size) {
        return size > SHOWN ? "\n  ... and " + (size - SHOWN) + " more" : "";
    }

    /** The newest failed invocations (newest last), each with its request id, trigger and log lines. */
    static String failedInvocations(List<LedgerEntry.Invocation> failed, Map<String, List<String>> logs) {
        if (failed.isEmpty()) {
            return "";
        }
        List<LedgerEntry.Invocation> last = failed.subList(Math.max(0, failed.size() - SHOWN), failed.size());
        StringBuilder text = new StringBuilder("\nThe last failed invocations (newest last; Stack.functionLogs(requestId)"
                + " has their logs):");
        for (LedgerEntry.Invocation invocation : last) {
            text.append("\n  ").append(invocation.outcome()).append(" request ").append(invocation.requestId())
                    .append(" from ").append(invocation.trigger());
            List<String> lines = logs.getOrDefault(invocation.requestId(), List.of());
            lines.forEach(line -> text.append("\n      log: ").append(line.strip()));
        }
        return text.toString();
    }

    /** How an eventual check went about it, e.g. {@code 1s of virtual time}. */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0ms";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }

    static String joined(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
