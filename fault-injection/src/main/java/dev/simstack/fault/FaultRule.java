package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.ServiceCall;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One rule of a {@link FaultPlan}: which calls it matches (service, operations, region, resource), what
 * it does to them (an AWS error, a wire fault, a delay, or a delay then one of the others), and when: within
 * a window of the stack's clock ({@code from}, {@code until}, from the moment the plan is applied), skipping the
 * first {@code after} matches, then every {@code every}th eligible match, each with {@code probability}, at
 * most {@code times} times.
 *
 * @param name a name for reports and the ledger
 * @param service the service it matches
 * @param operations the operations it matches (e.g. {@code PutItem}); empty for all
 * @param region the region it matches, or null for all
 * @param resource the name of the queue, table, bucket, function or API (its id) it matches, as
 *     {@link ServiceCall#resource()} reads it from the call, or null for all
 * @param error the error to answer with, or null to let the call through (after the latency)
 * @param latency a fixed delay on the stack's clock before the call proceeds or fails; {@link Duration#ZERO}
 *     for none (or when {@code distribution} draws the delay)
 * @param probability the chance that an eligible match is faulted, 0 to 1
 * @param after how many matches pass untouched before the rule starts
 * @param times how many faults at most; {@code Long.MAX_VALUE} for no limit
 * @param wire a fault below HTTP (reset, drop, truncate), or null
 * @param distribution the distribution the delay is drawn from instead of {@code latency}, or null
 * @param every fault only every {@code every}th eligible match (1: each)
 * @param from the start of the rule's window, after the plan is applied; null from the start
 * @param until the end of the rule's window (exclusive), after the plan is applied; null for no end
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultRule(String name, AwsService service, Set<String> operations, String region, String resource,
        FaultError error, Duration latency, double probability, long after, long times, WireFault wire,
        LatencyDistribution distribution, long every, Duration from, Duration until) {

    /**
     * Checks the rule and copies its operations.
     *
     * @throws IllegalArgumentException naming the rule and what is wrong with it
     */
    public FaultRule {
        Objects.requireNonNull(name, "name");
        if (service == null) {
            throw new IllegalArgumentException("fault rule '" + name + "' needs a service: one of " + SIGNING_NAMES);
        }
        operations = Set.copyOf(operations);
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("fault rule '" + name + "': latency must not be negative");
        }
        if (error == null && wire == null && latency.isZero() && (distribution == null || distribution.isZero())) {
            throw new IllegalArgumentException("fault rule '" + name + "' does nothing: give it an error, a wire "
                    + "fault, a latency, or a latency and one of the others");
        }
        if (error != null && (wire == WireFault.RESET || wire == WireFault.DROP)) {
            throw new IllegalArgumentException("fault rule '" + name + "': a " + wire.label() + " answers nothing, "
                    + "so it cannot answer " + error.code() + " too; give one of them");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault rule '" + name + "': probability must be in (0, 1], got "
                    + probability);
        }
        if (after < 0 || times < 1 || every < 1) {
            throw new IllegalArgumentException("fault rule '" + name + "': after must be >= 0, times >= 1 and "
                    + "every >= 1");
        }
        if ((from != null && from.isNegative()) || (until != null && (until.isZero() || until.isNegative()))
                || (from != null && until != null && until.compareTo(from) <= 0)) {
            throw new IllegalArgumentException("fault rule '" + name + "': its window must start at or after 0 and "
                    + "end after it starts, got from " + from + " until " + until);
        }
    }

    /**
     * A rule as version 0.1 made it: an error and a fixed latency, faulting each eligible match at any time.
     *
     * @param name a name for reports and the ledger
     * @param service the service it matches
     * @param operations the operations it matches; empty for all
     * @param region the region it matches, or null for all
     * @param resource the resource name it matches, or null for all
     * @param error the error to answer with, or null
     * @param latency a delay before the call proceeds or fails
     * @param probability the chance that an eligible match is faulted
     * @param after how many matches pass untouched before the rule starts
     * @param times how many faults at most
     */
    public FaultRule(String name, AwsService service, Set<String> operations, String region, String resource,
            FaultError error, Duration latency, double probability, long after, long times) {
        this(name, service, operations, region, resource, error, latency, probability, after, times, null, null, 1,
                null, null);
    }

    /** The signing names of the services, as rules written as text name them. */
    static final String SIGNING_NAMES = Arrays.stream(AwsService.values()).map(AwsService::signingName)
            .collect(Collectors.joining(", "));

    /**
     * A rule that answers every {@code operation} call of {@code service} with its throttling error, named
     * {@code throttle <signing name>.<operation>}.
     *
     * @param service the service
     * @param operation the operation, e.g. {@code PutItem}
     * @return the rule, faulting every match
     */
    public static FaultRule throttle(AwsService service, String operation) {
        return new FaultRule("throttle " + service.signingName() + "." + operation, service, Set.of(operation), null,
                null, FaultError.throttle(service), Duration.ZERO, 1, 0, Long.MAX_VALUE);
    }

    /**
     * {@link #throttle(AwsService, String)} for the service whose signing name is {@code service}.
     *
     * @param service the signing name: {@code sqs}, {@code dynamodb}, {@code s3}, {@code lambda} or
     *     {@code apigateway}
     * @param operation the operation, e.g. {@code PutItem}
     * @return the rule, faulting every match
     * @throws IllegalArgumentException listing the signing names, when {@code service} is none of them
     */
    public static FaultRule throttle(String service, String operation) {
        return throttle(service("throttle " + service + "." + operation, service), operation);
    }

    /**
     * The service a rule written as text names by its signing name.
     *
     * @throws IllegalArgumentException naming the rule and listing the signing names, when there is no such
     *     service
     */
    static AwsService service(String rule, String signingName) {
        try {
            return AwsService.bySigningName(signingName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + rule + "': service '" + signingName + "' is not one"
                    + " of " + SIGNING_NAMES, e);
        }
    }

    /**
     * This rule, faulting an eligible match only with probability {@code chance}.
     *
     * @param chance the probability, in (0, 1]
     * @return a new rule
     */
    public FaultRule withProbability(double chance) {
        return new FaultRule(name, service, operations, region, resource, error, latency, chance, after, times, wire,
                distribution, every, from, until);
    }

    /**
     * This rule, letting the first {@code skipped} matches through untouched (from the Nth call: {@code N - 1}).
     *
     * @param skipped how many matches pass before the rule starts
     * @return a new rule
     */
    public FaultRule withAfter(long skipped) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, skipped,
                times, wire, distribution, every, from, until);
    }

    /**
     * This rule, faulting at most {@code limit} calls.
     *
     * @param limit the most faults, at least 1
     * @return a new rule
     */
    public FaultRule withTimes(long limit) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, limit,
                wire, distribution, every, from, until);
    }

    /**
     * This rule, faulting only every {@code nth} eligible match (the nth, the 2nth...).
     *
     * @param nth 1 for each match, 2 for every other...
     * @return a new rule
     */
    public FaultRule withEvery(long nth) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, times,
                wire, distribution, nth, from, until);
    }

    /**
     * This rule, acting only in a window of the stack's clock, measured from the moment its plan is applied
     * (the stack's start, or the test's start for a test's plan).
     *
     * @param start when the window opens; {@link Duration#ZERO} at once
     * @param end when it closes (exclusive), after {@code start}; null for never
     * @return a new rule
     */
    public FaultRule withWindow(Duration start, Duration end) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, times,
                wire, distribution, every, start, end);
    }

    /**
     * This rule, acting for {@code length} from {@code start} after its plan is applied.
     *
     * @param start when the window opens
     * @param length how long it stays open, positive
     * @return a new rule
     */
    public FaultRule withWindowOf(Duration start, Duration length) {
        return withWindow(start, start.plus(length));
    }

    /**
     * This rule, delaying each faulted call by {@code delay} on the stack's clock (before its error, if any).
     *
     * @param delay the delay, not negative
     * @return a new rule
     */
    public FaultRule withLatency(Duration delay) {
        return new FaultRule(name, service, operations, region, resource, error, delay, probability, after, times,
                wire, null, every, from, until);
    }

    /**
     * This rule, delaying each faulted call by a delay drawn from {@code delays} (before its error or wire fault).
     *
     * @param delays the distribution, e.g. {@code LatencyDistribution.uniform(ofMillis(10), ofMillis(50))}
     * @return a new rule
     */
    public FaultRule withLatency(LatencyDistribution delays) {
        return new FaultRule(name, service, operations, region, resource, error, Duration.ZERO, probability, after,
                times, wire, delays, every, from, until);
    }

    /**
     * This rule, answering its faulted calls with {@code fault} below HTTP instead of the service's answer.
     *
     * @param fault reset, drop or truncate
     * @return a new rule
     */
    public FaultRule withWire(WireFault fault) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, times,
                fault, distribution, every, from, until);
    }

    /**
     * This rule, matching only calls that address the resource named {@code resourceName}.
     *
     * @param resourceName the queue, table, bucket or function name, or an API's id
     * @return a new rule
     */
    public FaultRule withResource(String resourceName) {
        return new FaultRule(name, service, operations, region, resourceName, error, latency, probability, after,
                times, wire, distribution, every, from, until);
    }

    /**
     * This rule, matching only calls signed for {@code regionName}.
     *
     * @param regionName e.g. {@code us-west-2}
     * @return a new rule
     */
    public FaultRule withRegion(String regionName) {
        return new FaultRule(name, service, operations, regionName, resource, error, latency, probability, after,
                times, wire, distribution, every, from, until);
    }

    /**
     * A rule answering every {@code operation} call of {@code service} with {@code error}.
     *
     * @param service the service
     * @param operation the operation, or {@code "*"} for all
     * @param error the error, e.g. {@code FaultError.internal(service)} or any code and status
     * @return the rule, faulting every match
     */
    public static FaultRule error(AwsService service, String operation, FaultError error) {
        return new FaultRule("error " + label(service, operation), service, operations(operation), null, null, error,
                Duration.ZERO, 1, 0, Long.MAX_VALUE);
    }

    /**
     * A rule breaking every {@code operation} call of {@code service} on the wire.
     *
     * @param service the service
     * @param operation the operation, or {@code "*"} for all
     * @param fault reset, drop or truncate
     * @return the rule, faulting every match
     */
    public static FaultRule wire(AwsService service, String operation, WireFault fault) {
        return new FaultRule(fault.label() + " " + label(service, operation), service, operations(operation), null,
                null, null, Duration.ZERO, 1, 0, Long.MAX_VALUE, fault, null, 1, null, null);
    }

    /**
     * A rule delaying every {@code operation} call of {@code service} by a delay drawn from {@code delays}.
     *
     * @param service the service
     * @param operation the operation, or {@code "*"} for all
     * @param delays the distribution
     * @return the rule, delaying every match
     */
    public static FaultRule latency(AwsService service, String operation, LatencyDistribution delays) {
        return new FaultRule("latency " + label(service, operation), service, operations(operation), null, null,
                null, Duration.ZERO, 1, 0, Long.MAX_VALUE, null, delays, 1, null, null);
    }

    private static String label(AwsService service, String operation) {
        return service.signingName() + "." + operation;
    }

    private static Set<String> operations(String operation) {
        return operation.equals("*") ? Set.of() : Set.of(operation);
    }

    /** Whether {@code call} is one this rule is about (before counting and chance). */
    boolean matches(ServiceCall call) {
        return call.service() == service && (operations.isEmpty() || operations.contains(call.operation()))
                && (region == null || region.equals(call.region()))
                && (resource == null || call.resource().map(ResourceRef::name).filter(resource::equals).isPresent());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(": ").append(service.signingName())
                .append(operations.isEmpty() ? ".*" : "." + String.join("|", new java.util.TreeSet<>(operations)));
        if (region != null) {
            text.append(" in ").append(region);
        }
        if (resource != null) {
            text.append(" on ").append(resource);
        }
        if (!latency.isZero()) {
            text.append(", delay ").append(latency.toMillis()).append(" ms");
        }
        if (distribution != null) {
            text.append(", delay ").append(distribution);
        }
        if (wire != null) {
            text.append(", ").append(wire.label());
        }
        if (error != null) {
            text.append(", fail ").append(error.code()).append(" (").append(error.status()).append(')');
        }
        if (probability < 1) {
            text.append(", p=").append(probability);
        }
        if (after > 0) {
            text.append(", after ").append(after);
        }
        if (every > 1) {
            text.append(", every ").append(every).append(ordinal(every));
        }
        if (from != null || until != null) {
            text.append(", from ").append(LatencyDistribution.millis(from == null ? Duration.ZERO : from))
                    .append(until == null ? "" : " until " + LatencyDistribution.millis(until));
        }
        if (times != Long.MAX_VALUE) {
            text.append(", at most ").append(times).append('x');
        }
        return text.toString();
    }

    private static String ordinal(long n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
