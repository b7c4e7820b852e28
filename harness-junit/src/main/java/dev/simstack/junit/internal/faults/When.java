package dev.simstack.junit.internal.faults;

import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import java.time.Duration;
import java.util.Set;

/** The attributes fault annotations share: which calls (service, operations, resource, region) and when. */
final class When {

    private When() {
    }

    /** {@code rule} matching only {@code operations} (none: all), {@code resource} and {@code region} (empty: all). */
    static FaultRule where(FaultRule rule, String name, String[] operations, String resource, String region) {
        return new FaultRule(name, rule.service(), Set.of(operations), region.isEmpty() ? null : region,
                resource.isEmpty() ? null : resource, rule.error(), rule.latency(), rule.probability(), rule.after(),
                rule.times(), rule.wire(), rule.distribution(), rule.every(), rule.from(), rule.until());
    }

    /**
     * {@code rule} acting from the {@code after + 1}th match, on every {@code every}th, with {@code probability}, at
     * most {@code times} times, within {@code from}..{@code until} (or {@code from} + {@code duration}) of the
     * test's start; an empty text is no bound.
     */
    static FaultRule when(FaultRule rule, double probability, long after, long every, long times, String from,
            String until, String duration) {
        if (!until.isEmpty() && !duration.isEmpty()) {
            throw new IllegalArgumentException("give until or duration, not both");
        }
        Duration start = from.isEmpty() ? null : FaultPlan.parseDuration(from);
        Duration end = !until.isEmpty() ? FaultPlan.parseDuration(until)
                : duration.isEmpty() ? null : (start == null ? Duration.ZERO : start).plus(
                        FaultPlan.parseDuration(duration));
        FaultRule timed = rule.withProbability(probability).withAfter(after).withEvery(every).withTimes(times);
        return start == null && end == null ? timed : timed.withWindow(start == null ? Duration.ZERO : start, end);
    }

    /** {@code service.operation|operation on resource in region}, for rule names. */
    static String label(String service, String[] operations, String resource, String region) {
        return service + (operations.length == 0 ? "" : "." + String.join("|", operations))
                + (resource.isEmpty() ? "" : " on " + resource) + (region.isEmpty() ? "" : " in " + region);
    }
}
