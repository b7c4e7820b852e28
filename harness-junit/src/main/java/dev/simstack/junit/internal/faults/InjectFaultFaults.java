package dev.simstack.junit.internal.faults;

import dev.simstack.core.AwsService;
import dev.simstack.core.Stack;
import dev.simstack.fault.FaultError;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.fault.LatencyDistribution;
import dev.simstack.fault.WireFault;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.InjectFault;
import java.time.Duration;
import java.util.Set;

/** {@link InjectFault} as a rule answering an AWS error or breaking the call on the wire. */
public final class InjectFaultFaults implements FaultDeclaration<InjectFault> {

    @Override
    public FaultPlan plan(InjectFault fault, Stack stack) {
        AwsService service = FaultRule.throttle(fault.service(), "*").service(); // checks the signing name
        if (fault.error().isEmpty() && fault.wire().isEmpty()) {
            throw new IllegalArgumentException("give an error (throttle, internal, unavailable or an AWS error code "
                    + "with its status) or a wire fault (reset, drop, truncate)");
        }
        String name = "@InjectFault " + When.label(fault.service(), fault.operation(), fault.resource(),
                fault.region());
        FaultRule rule = new FaultRule(name, service, Set.of(), null, null, error(fault, service), Duration.ZERO, 1, 0,
                Long.MAX_VALUE, fault.wire().isEmpty() ? null : WireFault.of(fault.wire()),
                fault.latency().isEmpty() ? null : LatencyDistribution.parse(fault.latency()), 1, null, null);
        rule = When.where(rule, name, fault.operation(), fault.resource(), fault.region());
        return FaultPlan.of(When.when(rule, fault.probability(), fault.after(), fault.every(), fault.times(),
                fault.from(), fault.until(), fault.duration()));
    }

    private static FaultError error(InjectFault fault, AwsService service) {
        return switch (fault.error()) {
            case "" -> null;
            case "throttle" -> FaultError.throttle(service);
            case "internal" -> FaultError.internal(service);
            case "unavailable" -> FaultError.unavailable(service);
            default -> {
                if (fault.status() == 0) {
                    throw new IllegalArgumentException("error \"" + fault.error() + "\" needs its HTTP status: add "
                            + "status = 400 (or the status AWS answers it with)");
                }
                yield new FaultError(fault.error(), fault.status(), fault.message().isEmpty() ? fault.error()
                        : fault.message());
            }
        };
    }
}
