package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.simstack.core.AwsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What faults to inject where and when: an ordered list of {@link FaultRule}s (the first rule that
 * decides to fault a call wins) and an optional seed for their random choices (else the stack's). It is
 * data: printable, loadable from YAML, and replayable from its seed.
 *
 * <pre>
 * seed: 42                       # optional; default: the stack's seed
 * faults:
 *   - name: slow-and-throttled-puts
 *     service: dynamodb          # sqs, dynamodb, s3, lambda, apigateway
 *     operation: PutItem         # or a list; default every operation
 *     resource: orders           # queue, table, bucket or function name; default all
 *     region: us-east-1          # default all
 *     error: throttle            # throttle, internal, unavailable, or {code, status, message}
 *     wire: reset                # or drop, truncate: a fault below HTTP instead of (truncate: of) the answer
 *     latency: 200ms             # ms, s, m, or ISO-8601 (PT0.2S); on the stack's clock; or drawn:
 *                                #   {min: 10ms, max: 50ms} (uniform) or {p50: 20ms, p99: 400ms} (percentiles)
 *     probability: 0.25          # default 1
 *     after: 10                  # let the first 10 matching calls through (with a unit, 10s: the window's start)
 *     every: 3                   # then fault every 3rd eligible call
 *     from: 5s                   # a window on the stack's clock, from the moment the plan is applied
 *     until: 30s                 # (or duration: 25s); default: always
 *     times: 5                   # fault at most 5 calls
 *   - name: twice
 *     kind: ...                  # a semantic fault (see SemanticKinds for the kinds and their fields)
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FaultPlan {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private static final FaultPlan NONE = new FaultPlan(List.of(), List.of(), null);

    private final List<FaultRule> rules;
    private final List<SemanticFault> semanticFaults;
    private final Long seed;

    private FaultPlan(List<FaultRule> rules, List<SemanticFault> semanticFaults, Long seed) {
        this.rules = List.copyOf(rules);
        this.semanticFaults = List.copyOf(semanticFaults);
        this.seed = seed;
    }

    /** A plan of {@code rules}, drawing from the stack's seed. */
    public static FaultPlan of(FaultRule... rules) {
        return new FaultPlan(List.of(rules), List.of(), null);
    }

    /**
     * The plan that faults nothing.
     *
     * @return the empty plan
     */
    public static FaultPlan none() {
        return NONE;
    }

    /** This plan with its own seed for the rules' random choices. */
    public FaultPlan withSeed(long planSeed) {
        return new FaultPlan(rules, semanticFaults, planSeed);
    }

    /**
     * This plan with {@code faults} added after its semantic faults.
     *
     * @param faults faults inside the services (duplicate deliveries, crashes after effects...)
     * @return a new plan
     */
    public FaultPlan with(SemanticFault... faults) {
        List<SemanticFault> all = new ArrayList<>(semanticFaults);
        all.addAll(List.of(faults));
        return new FaultPlan(rules, all, seed);
    }

    /**
     * This plan with {@code more} rules added after its own (tried after them).
     *
     * @param more the rules to add
     * @return a new plan
     */
    public FaultPlan with(FaultRule... more) {
        List<FaultRule> all = new ArrayList<>(rules);
        all.addAll(List.of(more));
        return new FaultPlan(all, semanticFaults, seed);
    }

    /**
     * This plan followed by {@code other}: its rules after these, its semantic faults after these, its seed if
     * this plan has none. A test's plan is its class's plan followed by its method's.
     *
     * @param other the plan to append
     * @return a new plan
     */
    public FaultPlan followedBy(FaultPlan other) {
        List<FaultRule> allRules = new ArrayList<>(rules);
        allRules.addAll(other.rules);
        List<SemanticFault> allFaults = new ArrayList<>(semanticFaults);
        allFaults.addAll(other.semanticFaults);
        return new FaultPlan(allRules, allFaults, seed != null ? seed : other.seed);
    }

    /** The rules, in the order they are tried. */
    public List<FaultRule> rules() {
        return rules;
    }

    /**
     * The faults inside the services, in plan order.
     *
     * @return the semantic faults
     */
    public List<SemanticFault> semanticFaults() {
        return semanticFaults;
    }

    /**
     * Whether the plan faults nothing.
     *
     * @return true when it has neither rules nor semantic faults
     */
    public boolean isEmpty() {
        return rules.isEmpty() && semanticFaults.isEmpty();
    }

    /** The plan's own seed, or null to use the stack's. */
    public Long seed() {
        return seed;
    }

    /** Reads a plan from a YAML (or JSON) file. */
    public static FaultPlan load(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fault plan " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a plan from YAML text; {@code source} names it in error messages. */
    public static FaultPlan parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("faults").isArray()) {
            throw new IllegalArgumentException(source + ": a fault plan is a map with a 'faults' list (and an "
                    + "optional 'seed')");
        }
        List<FaultRule> rules = new ArrayList<>();
        List<SemanticFault> semantic = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.get("faults")) {
            index++;
            String name = entry.path("name").asText("rule " + index);
            try {
                if (entry.has("kind")) {
                    semantic.add(SemanticKinds.parse(name, entry));
                } else {
                    rules.add(RuleYaml.rule(name, entry));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
        Long seed = root.has("seed") ? root.get("seed").asLong() : null;
        return new FaultPlan(rules, semantic, seed);
    }

    static FaultError error(String name, AwsService service, JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return switch (error.textValue()) {
                case "throttle" -> FaultError.throttle(service);
                case "internal" -> FaultError.internal(service);
                case "unavailable" -> FaultError.unavailable(service);
                default -> throw new IllegalArgumentException("fault rule '" + name + "': error '" + error.textValue()
                        + "' is not throttle, internal or unavailable (or give {code, status, message})");
            };
        }
        if (!error.hasNonNull("code") || !error.hasNonNull("status")) {
            throw new IllegalArgumentException("fault rule '" + name + "': a custom error needs code and status");
        }
        return new FaultError(error.get("code").asText(), error.get("status").asInt(),
                error.path("message").asText(error.get("code").asText()));
    }

    static Duration duration(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return Duration.ZERO;
        }
        if (value.isNumber()) {
            return Duration.ofMillis(value.asLong());
        }
        try {
            return parseDuration(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + name + "': latency " + e.getMessage(), e);
        }
    }

    /**
     * A duration as plans write it.
     *
     * @param text e.g. {@code 250ms}, {@code 2s}, {@code 1.5m} or ISO-8601 ({@code PT0.25S})
     * @return the duration
     * @throws IllegalArgumentException saying what durations look like
     */
    public static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("pt")) {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        }
        Matcher matcher = DURATION.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 250ms, 2s, 1m or PT0.25S");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultPlan").append(seed == null ? "" : " (seed " + seed + ")")
                .append(':');
        rules.forEach(rule -> text.append("\n  - ").append(rule));
        semanticFaults.forEach(fault -> text.append("\n  - ").append(fault));
        if (isEmpty()) {
            text.append(" no faults");
        }
        return text.toString();
    }
}
