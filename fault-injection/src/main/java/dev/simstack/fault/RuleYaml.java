package dev.simstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one wire rule of a plan file (an entry of {@code faults} without {@code kind}). */
final class RuleYaml {

    private static final Set<String> FIELDS = Set.of("name", "service", "operation", "operations", "region",
            "resource", "error", "wire", "latency", "probability", "after", "every", "from", "until", "duration",
            "times");

    private RuleYaml() {
    }

    static FaultRule rule(String name, JsonNode entry) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("fault rule '" + name + "': unknown field '" + field + "'; a rule"
                        + " has " + new TreeSet<>(FIELDS));
            }
        });
        String signingName = entry.path("service").asText(null);
        if (signingName == null) {
            throw new IllegalArgumentException("fault rule '" + name + "' needs a service: one of "
                    + FaultRule.SIGNING_NAMES);
        }
        AwsService service = FaultRule.service(name, signingName);
        Set<String> operations = new LinkedHashSet<>();
        JsonNode operation = entry.has("operation") ? entry.get("operation") : entry.path("operations");
        if (operation.isArray()) {
            operation.forEach(o -> operations.add(o.asText()));
        } else if (operation.isTextual()) {
            operations.add(operation.textValue());
        }
        JsonNode latency = entry.get("latency");
        // "after: 10" counts calls (as in 0.1); "after: 10s" is a time, the start of the rule's window.
        JsonNode after = entry.path("after");
        boolean afterIsTime = after.isTextual() && !after.textValue().trim().matches("\\d+");
        Duration from = afterIsTime ? optionalDuration(name, "after", after)
                : optionalDuration(name, "from", entry.get("from"));
        Duration until = optionalDuration(name, "until", entry.get("until"));
        if (entry.has("duration")) {
            if (until != null) {
                throw new IllegalArgumentException("fault rule '" + name + "': give until or duration, not both");
            }
            until = (from == null ? Duration.ZERO : from).plus(optionalDuration(name, "duration",
                    entry.get("duration")));
        }
        return new FaultRule(name, service, operations, entry.path("region").asText(null),
                entry.path("resource").asText(null), FaultPlan.error(name, service, entry.get("error")),
                latency != null && latency.isObject() ? Duration.ZERO : FaultPlan.duration(name, latency),
                entry.path("probability").asDouble(1.0), afterIsTime ? 0 : after.asLong(0),
                entry.has("times") ? entry.get("times").asLong() : Long.MAX_VALUE,
                entry.hasNonNull("wire") ? wire(name, entry.get("wire").asText()) : null,
                latency != null && latency.isObject() ? distribution(name, latency) : null,
                entry.path("every").asLong(1), from, until);
    }

    private static WireFault wire(String name, String label) {
        try {
            return WireFault.of(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + name + "': " + e.getMessage(), e);
        }
    }

    private static Duration optionalDuration(String name, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return value.isNumber() ? Duration.ofMillis(value.asLong()) : FaultPlan.parseDuration(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + name + "': " + field + " " + e.getMessage(), e);
        }
    }

    /** {@code {min, max}} (uniform) or {@code {p50: .., p99: ..}} (percentiles). */
    private static LatencyDistribution distribution(String name, JsonNode latency) {
        if (latency.has("min") || latency.has("max")) {
            if (!latency.has("min") || !latency.has("max") || latency.size() != 2) {
                throw new IllegalArgumentException("fault rule '" + name + "': a uniform latency is {min: .., max: ..}");
            }
            return LatencyDistribution.uniform(FaultPlan.duration(name, latency.get("min")),
                    FaultPlan.duration(name, latency.get("max")));
        }
        Map<Double, Duration> percentiles = new LinkedHashMap<>();
        latency.fields().forEachRemaining(field -> {
            if (!field.getKey().matches("p\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("fault rule '" + name + "': latency field '" + field.getKey()
                        + "' is neither min/max nor a percentile like p50 or p99.9");
            }
            percentiles.put(Double.parseDouble(field.getKey().substring(1)), FaultPlan.duration(name, field.getValue()));
        });
        try {
            return LatencyDistribution.percentiles(percentiles);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + name + "': " + e.getMessage(), e);
        }
    }
}
