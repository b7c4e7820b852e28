package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.ReplicationLag;
import java.time.Duration;
import java.util.List;

/** {@link ReplicationLag} as a {@link dev.simstack.fault.ReplicationLag} between two of the stack's regions. */
public final class ReplicationLagFaults implements FaultDeclaration<ReplicationLag> {

    @Override
    public FaultPlan plan(ReplicationLag lag, Stack stack) {
        List<String> regions = stack.config().regions();
        for (String region : List.of(lag.from(), lag.to())) {
            if (!regions.contains(region)) {
                throw new IllegalArgumentException("region '" + region + "' is not one of the stack's regions "
                        + regions + ": declare it in @SimStack(regions = ...)");
            }
        }
        Duration delay = DurationText.parse("lag", lag.lag());
        Duration after = DurationText.parse("after", lag.after());
        Duration duration = DurationText.parse("duration", lag.duration());
        if (delay == null && duration == null) {
            throw new IllegalArgumentException("give a lag, or a pause duration (and its after)");
        }
        dev.simstack.fault.ReplicationLag fault = dev.simstack.fault.ReplicationLag.of(lag.from(), lag.to())
                .named("@ReplicationLag " + lag.from() + " -> " + lag.to());
        if (!lag.table().isEmpty()) {
            fault = fault.withTable(lag.table());
        }
        if (delay != null) {
            fault = fault.withLag(delay);
        }
        if (duration != null) {
            fault = fault.withPause(after == null ? Duration.ZERO : after, duration);
        }
        return FaultPlan.none().with(fault);
    }
}
