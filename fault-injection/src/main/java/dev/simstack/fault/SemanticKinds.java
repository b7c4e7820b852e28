package dev.simstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The semantic faults a plan written as YAML can name with {@code kind}: each kind reads its own fields from the
 * rule's entry. Faults written in code need no entry here, only those a plan file may name.
 */
final class SemanticKinds {

    /** The kinds a plan file may name, in the order an unknown kind's error lists them. */
    static final List<String> KINDS = List.of("duplicate-delivery", "early-redelivery", "reorder",
            "short-receives", "poison-messages", "crash-after-effect", "handler-timeout", "cold-starts",
            "lambda-throttle", "region-outage", "replication-lag", "hot-key-throttle", "transaction-conflict",
            "s3-slow-down", "s3-notification");

    private SemanticKinds() {
    }

    /**
     * Refuses a field of the entry that its kind does not know, naming the ones it does.
     *
     * @throws IllegalArgumentException naming the rule, the field and the known fields
     */
    static void refuseUnknown(String name, JsonNode entry, java.util.Set<String> known) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("fault rule '" + name + "': unknown field '" + field + "'; a "
                        + entry.get("kind").asText() + " has " + new java.util.TreeSet<>(known));
            }
        });
    }

    /**
     * The semantic fault of the rule {@code name}, whose entry has a {@code kind}.
     *
     * @throws IllegalArgumentException naming the rule and what is wrong, listing the kinds for an unknown one
     */
    static SemanticFault parse(String name, JsonNode entry) {
        String kind = entry.get("kind").asText();
        switch (kind) {
            // one case per kind
            case "duplicate-delivery" -> {
                return SqsFaults.duplicateDelivery(name, entry);
            }
            case "early-redelivery" -> {
                return SqsFaults.earlyRedelivery(name, entry);
            }
            case "reorder" -> {
                return SqsFaults.reorder(name, entry);
            }
            case "short-receives" -> {
                return SqsFaults.shortReceives(name, entry);
            }
            case "poison-messages" -> {
                return SqsFaults.poisonMessages(name, entry);
            }
            case "crash-after-effect" -> {
                return LambdaKinds.crashAfterEffect(name, entry);
            }
            case "handler-timeout" -> {
                return LambdaKinds.handlerTimeout(name, entry);
            }
            case "cold-starts" -> {
                return LambdaKinds.coldStarts(name, entry);
            }
            case "lambda-throttle" -> {
                return LambdaKinds.lambdaThrottle(name, entry);
            }
            case "region-outage" -> {
                return RegionOutage.parse(name, entry);
            }
            case "replication-lag" -> {
                return ReplicationLag.parse(name, entry);
            }
            case "hot-key-throttle" -> {
                return HotKeyThrottle.parse(name, entry);
            }
            case "transaction-conflict" -> {
                return TransactionConflict.parse(name, entry);
            }
            case "s3-slow-down" -> {
                return SlowDown.parse(name, entry);
            }
            case "s3-notification" -> {
                return NotificationDelivery.parse(name, entry);
            }
            default -> throw new IllegalArgumentException("fault rule '" + name + "': kind '" + kind + "' is not one"
                    + " of " + KINDS + " (a rule without a kind is a wire fault: service, error, latency...)");
        }
    }
}
