package dev.simstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/** Reads the Lambda fault kinds of a plan file: their fields checked, unknown ones refused naming the known. */
final class LambdaKinds {

    private static final List<String> MATCH_FIELDS = List.of("function", "probability", "nth", "times",
            "bodyMatches");

    private LambdaKinds() {
    }

    static CrashAfterEffect crashAfterEffect(String name, JsonNode entry) {
        fields(name, entry, MATCH_FIELDS);
        return new CrashAfterEffect(name, match(entry));
    }

    static HandlerTimeout handlerTimeout(String name, JsonNode entry) {
        fields(name, entry, List.of("function", "probability", "nth", "times", "bodyMatches", "delay"));
        Duration delay = entry.has("delay") ? FaultPlan.duration(name, entry.get("delay")) : null;
        return new HandlerTimeout(name, match(entry), delay);
    }

    static ColdStarts coldStarts(String name, JsonNode entry) {
        fields(name, entry, List.of("function", "count", "initDelay"));
        return new ColdStarts(name, entry.path("function").asText(null),
                entry.has("count") ? entry.get("count").asLong() : Long.MAX_VALUE,
                FaultPlan.duration(name, entry.get("initDelay")));
    }

    static LambdaThrottle lambdaThrottle(String name, JsonNode entry) {
        fields(name, entry, List.of("function", "reservedConcurrency", "after", "duration"));
        return new LambdaThrottle(name, entry.path("function").asText(null),
                entry.path("reservedConcurrency").asInt(0), FaultPlan.duration(name, entry.get("after")),
                entry.has("duration") ? FaultPlan.duration(name, entry.get("duration")) : null);
    }

    private static InvocationMatch match(JsonNode entry) {
        return new InvocationMatch(entry.path("function").asText(null), entry.path("probability").asDouble(1),
                entry.path("nth").asLong(0), entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE,
                entry.path("bodyMatches").asText(null));
    }

    private static void fields(String name, JsonNode entry, List<String> known) {
        TreeSet<String> all = new TreeSet<>(known);
        all.add("name");
        all.add("kind");
        entry.fieldNames().forEachRemaining(field -> {
            if (!all.contains(field)) {
                throw new IllegalArgumentException("fault rule '" + name + "': unknown field '" + field + "'; kind "
                        + entry.get("kind").asText() + " has " + all);
            }
        });
    }
}
