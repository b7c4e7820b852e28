package dev.simstack.junit.internal.faults;

import dev.simstack.core.AwsService;
import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.fault.LatencyDistribution;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.Latency;

/** {@link Latency} as a rule delaying its calls by a fixed or drawn delay. */
public final class LatencyFaults implements FaultDeclaration<Latency> {

    @Override
    public FaultPlan plan(Latency latency, Stack stack) {
        AwsService service = FaultRule.throttle(latency.service(), "*").service(); // checks the signing name
        FaultRule rule = FaultRule.latency(service, "*", LatencyDistribution.parse(latency.value()));
        rule = When.where(rule, "@Latency " + When.label(latency.service(), latency.operation(), latency.resource(),
                latency.region()), latency.operation(), latency.resource(), latency.region());
        return FaultPlan.of(When.when(rule, latency.probability(), latency.after(), latency.every(), latency.times(),
                latency.from(), latency.until(), latency.duration()));
    }
}
