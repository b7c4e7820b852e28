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
 * it does to them (an AWS error, a delay, or both: the delay first), and when (skip the first
 * {@code after} matches, then each match with {@code probability}, at most {@code times} times).
 *
 * @param name a name for reports and the ledger
 * @param service the service it matches
 * @param operations the operations it matches (e.g. {@code PutItem}); empty for all
 * @param region the region it matches, or null for all
 * @param resource the name of the queue, table, bucket, function or API (its id) it matches, as
 *     {@link ServiceCall#resource()} reads it from the call, or null for all
 * @param error the error to answer with, or null to let the call through (after the latency)
 * @param latency a delay on the stack's clock before the call proceeds or fails; {@link Duration#ZERO} for none
 * @param probability the chance that an eligible match is faulted, 0 to 1
 * @param after how many matches pass untouched before the rule starts
 * @param times how many faults at most; {@code Long.MAX_VALUE} for no limit
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultRule(String name, AwsService service, Set<String> operations, String region, String resource,
        FaultError error, Duration latency, double probability, long after, long times) {

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
        if (error == null && latency.isZero()) {
            throw new IllegalArgumentException("fault rule '" + name + "' does nothing: give it an error, a "
                    + "latency, or both");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault rule '" + name + "': probability must be in (0, 1], got "
                    + probability);
        }
        if (after < 0 || times < 1) {
            throw new IllegalArgumentException("fault rule '" + name + "': after must be >= 0 and times >= 1");
        }
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
        return new FaultRule(name, service, operations, region, resource, error, latency, chance, after, times);
    }

    /**
     * This rule, letting the first {@code skipped} matches through untouched.
     *
     * @param skipped how many matches pass before the rule starts
     * @return a new rule
     */
    public FaultRule withAfter(long skipped) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, skipped,
                times);
    }

    /**
     * This rule, faulting at most {@code limit} calls.
     *
     * @param limit the most faults, at least 1
     * @return a new rule
     */
    public FaultRule withTimes(long limit) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, limit);
    }

    /**
     * This rule, delaying each faulted call by {@code delay} on the stack's clock (before its error, if any).
     *
     * @param delay the delay, not negative
     * @return a new rule
     */
    public FaultRule withLatency(Duration delay) {
        return new FaultRule(name, service, operations, region, resource, error, delay, probability, after, times);
    }

    /**
     * This rule, matching only calls that address the resource named {@code resourceName}.
     *
     * @param resourceName the queue, table, bucket or function name, or an API's id
     * @return a new rule
     */
    public FaultRule withResource(String resourceName) {
        return new FaultRule(name, service, operations, region, resourceName, error, latency, probability, after,
                times);
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
        if (error != null) {
            text.append(", fail ").append(error.code()).append(" (").append(error.status()).append(')');
        }
        if (probability < 1) {
            text.append(", p=").append(probability);
        }
        if (after > 0) {
            text.append(", after ").append(after);
        }
        if (times != Long.MAX_VALUE) {
            text.append(", at most ").append(times).append('x');
        }
        return text.toString();
    }
}
