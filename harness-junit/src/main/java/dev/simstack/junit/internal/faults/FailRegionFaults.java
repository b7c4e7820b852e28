package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.RegionOutage;
import dev.simstack.junit.FailRegion;
import dev.simstack.junit.FaultDeclaration;
import java.time.Duration;
import java.util.List;

/** {@link FailRegion} as a {@link RegionOutage} of the stack's regions. */
public final class FailRegionFaults implements FaultDeclaration<FailRegion> {

    @Override
    public FaultPlan plan(FailRegion fail, Stack stack) {
        List<String> regions = stack.config().regions();
        for (String region : fail.value()) {
            if (!regions.contains(region)) {
                throw new IllegalArgumentException("region '" + region + "' is not one of the stack's regions "
                        + regions + ": declare it in @SimStack(regions = ...)");
            }
        }
        RegionOutage outage = RegionOutage.of(fail.value()).named("@FailRegion " + String.join(",", fail.value()))
                .withMode(fail.mode());
        Duration after = DurationText.parse("after", fail.after());
        Duration duration = DurationText.parse("duration", fail.duration());
        Duration latency = DurationText.parse("latency", fail.latency());
        if (after != null) {
            outage = outage.withAfter(after);
        }
        if (duration != null) {
            outage = outage.withDuration(duration);
        }
        if (latency != null) {
            outage = outage.withLatency(latency);
        }
        return FaultPlan.none().with(outage);
    }
}
