package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.ServiceCall;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One rule of a {@link FaultPlan}: which calls it matches (service, operations, region, resource), what
 * it does to them (an AWS error, a delay, or both: the delay first), and when (skip the first
 * {@code after} matches, then each match with {@code probability}, at most {@code times} times).
 *
 * @param name a name for reports and the ledger
 * @param service the signing name: {@code sqs}, {@code dynamodb}, {@code s3}, {@code lambda}, {@code apigateway}
 * @param operations the operations it matches (e.g. {@code PutItem}); empty for all
 * @param region the region it matches, or null for all
 * @param resource the queue, table, bucket or function name it matches, or null for all
 * @param error the error to answer with, or null to let the call through (after the latency)
 * @param latency a delay on the stack's clock before the call proceeds or fails; {@link Duration#ZERO} for none
 * @param probability the chance that an eligible match is faulted, 0 to 1
 * @param after how many matches pass untouched before the rule starts
 * @param times how many faults at most; {@code Long.MAX_VALUE} for no limit
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultRule(String name, String service, Set<String> operations, String region, String resource,
        FaultError error, Duration latency, double probability, long after, long times) {

    static final Set<String> SERVICES = Set.of("sqs", "dynamodb", "s3", "lambda", "apigateway");

    public FaultRule {
        Objects.requireNonNull(name, "name");
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("fault rule '" + name + "': service '" + service + "' is not one of "
                    + "sqs, dynamodb, s3, lambda, apigateway");
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

    /** A rule that answers every {@code operation} call of {@code service} with its throttling error. */
    public static FaultRule throttle(String service, String operation) {
        return new FaultRule("throttle " + service + "." + operation, service, Set.of(operation), null, null,
                FaultError.throttle(service), Duration.ZERO, 1, 0, Long.MAX_VALUE);
    }

    public FaultRule withProbability(double chance) {
        return new FaultRule(name, service, operations, region, resource, error, latency, chance, after, times);
    }

    public FaultRule withAfter(long skipped) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, skipped,
                times);
    }

    public FaultRule withTimes(long limit) {
        return new FaultRule(name, service, operations, region, resource, error, latency, probability, after, limit);
    }

    public FaultRule withLatency(Duration delay) {
        return new FaultRule(name, service, operations, region, resource, error, delay, probability, after, times);
    }

    public FaultRule withResource(String resourceName) {
        return new FaultRule(name, service, operations, region, resourceName, error, latency, probability, after,
                times);
    }

    /** Whether {@code call} is one this rule is about (before counting and chance). */
    boolean matches(ServiceCall call) {
        return call.service().signingName().equals(service) && (operations.isEmpty() || operations.contains(call.operation()))
                && (region == null || region.equals(call.region())) && (resource == null || resource.equals(
                resourceOf(((dev.simstack.core.internal.engine.DecodedCall) call).input())));
    }

    /** The name of the queue, table, bucket or function a call addresses, or null. */
    static String resourceOf(JsonNode input) {
        if (input == null) {
            return null;
        }
        for (String field : new String[] {"TableName", "Bucket", "FunctionName", "QueueName"}) {
            JsonNode value = input.get(field);
            if (value != null && value.isTextual()) {
                return value.textValue();
            }
        }
        JsonNode url = input.get("QueueUrl");
        if (url != null && url.isTextual()) {
            String text = url.textValue();
            return text.substring(text.lastIndexOf('/') + 1);
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(": ").append(service)
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
