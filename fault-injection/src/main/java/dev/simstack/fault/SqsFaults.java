package dev.simstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What the SQS semantic faults share: FIFO refusal, and reading their YAML entries. */
final class SqsFaults {

    private static final Set<String> COMMON = Set.of("name", "kind", "queue");
    private static final Set<String> MATCHER = Set.of("bodyContains", "bodyMatches", "attribute");

    private SqsFaults() {
    }

    /** Refuses a fault that AWS's FIFO queues cannot show (SQS requires a FIFO queue's name to end in .fifo). */
    static void refuseFifo(String queue, String fault, String why) {
        if (queue.endsWith(".fifo")) {
            throw new IllegalArgumentException(fault + " on " + queue + " is refused: " + why + ". Use a standard"
                    + " queue, or test the FIFO queue's deduplication with MessageDeduplicationId instead.");
        }
    }

    static SemanticFault duplicateDelivery(String name, JsonNode entry) {
        check(name, entry, "mode", "probability", "nth", "times", "after", "bodyContains", "bodyMatches", "attribute");
        DuplicateDelivery fault = DuplicateDelivery.on(queue(name, entry)).withMatcher(matcher(name, entry))
                .withProbability(entry.path("probability").asDouble(1)).withNth(entry.path("nth").asLong(0))
                .withTimes(entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE);
        if (entry.has("after")) {
            fault = fault.withAfter(FaultPlan.duration(name, entry.get("after")));
        }
        if (entry.has("mode")) {
            String mode = entry.get("mode").asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                fault = fault.withMode(DuplicateDelivery.Mode.valueOf(mode));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fault rule '" + name + "': mode '" + entry.get("mode").asText()
                        + "' is not one of after-delete, same-receive, two-receives", e);
            }
        }
        return fault;
    }

    static SemanticFault earlyRedelivery(String name, JsonNode entry) {
        check(name, entry, "after", "probability", "times", "bodyContains", "bodyMatches", "attribute");
        if (!entry.has("after")) {
            throw new IllegalArgumentException("fault rule '" + name + "': early-redelivery needs 'after', the time"
                    + " after the first receive the message is visible again (like 5s)");
        }
        return EarlyRedelivery.on(queue(name, entry), FaultPlan.duration(name, entry.get("after")))
                .withMatcher(matcher(name, entry)).withProbability(entry.path("probability").asDouble(1))
                .withTimes(entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE);
    }

    static SemanticFault reorder(String name, JsonNode entry) {
        check(name, entry);
        return Reordering.on(queue(name, entry));
    }

    static SemanticFault shortReceives(String name, JsonNode entry) {
        check(name, entry, "probability", "atMost");
        ShortReceives fault = ShortReceives.on(queue(name, entry))
                .withProbability(entry.path("probability").asDouble(1));
        return entry.has("atMost") ? fault.withAtMost(entry.get("atMost").asInt()) : fault;
    }

    static SemanticFault poisonMessages(String name, JsonNode entry) {
        check(name, entry, "bodyContains", "bodyMatches", "attribute");
        return PoisonMessages.on(queue(name, entry), matcher(name, entry));
    }

    private static String queue(String name, JsonNode entry) {
        String queue = entry.path("queue").asText("");
        if (queue.isEmpty()) {
            throw new IllegalArgumentException("fault rule '" + name + "': kind " + entry.get("kind").asText()
                    + " needs a queue (its name)");
        }
        return queue;
    }

    private static MessageMatcher matcher(String name, JsonNode entry) {
        List<String> given = new ArrayList<>();
        MATCHER.forEach(field -> {
            if (entry.has(field)) {
                given.add(field);
            }
        });
        if (given.size() > 1) {
            throw new IllegalArgumentException("fault rule '" + name + "': give one of bodyContains, bodyMatches,"
                    + " attribute, not " + given);
        }
        if (entry.has("bodyContains")) {
            return MessageMatcher.bodyContains(entry.get("bodyContains").asText());
        }
        if (entry.has("bodyMatches")) {
            return MessageMatcher.bodyMatches(entry.get("bodyMatches").asText());
        }
        if (entry.has("attribute")) {
            String attribute = entry.get("attribute").asText();
            int equals = attribute.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("fault rule '" + name + "': attribute '" + attribute + "' is not"
                        + " name=value");
            }
            return MessageMatcher.attribute(attribute.substring(0, equals), attribute.substring(equals + 1));
        }
        return MessageMatcher.any();
    }

    private static void check(String name, JsonNode entry, String... fields) {
        Set<String> known = new TreeSet<>(COMMON);
        known.addAll(List.of(fields));
        entry.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("fault rule '" + name + "': unknown field '" + field + "'; kind "
                        + entry.get("kind").asText() + " has " + known);
            }
        });
    }

}
