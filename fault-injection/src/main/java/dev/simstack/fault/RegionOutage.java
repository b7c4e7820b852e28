package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.CallResult;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A region that is down, as AWS's clients see an outage: every call signed for it (and every invocation of an
 * API deployed in it) fails as its {@link Mode} says, global-table replication to and from it stops and catches
 * up in order when it returns (nothing is lost), and its event source mappings stop polling. For the whole test,
 * or for a window on the stack's clock that opens {@link #withAfter after} the plan is applied and lasts
 * {@link #withDuration duration}. Failing over to another region is the application's job.
 *
 * <pre>{@code
 * FaultPlan.none().with(RegionOutage.of("us-west-2").withMode(RegionOutage.Mode.INTERNAL_ERROR)
 *         .withAfter(Duration.ofSeconds(5)).withDuration(Duration.ofMinutes(1)));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class RegionOutage implements SemanticFault {

    /** How the clients see the outage. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public enum Mode {
        /**
         * The region's endpoint resets every connection before answering ({@link CallResult#connectionReset()});
         * the SDK retries and then throws an {@code SdkClientException}.
         */
        CONNECTION_RESET,
        /** Every call answers the service's {@code ServiceUnavailable} (503); the SDK retries it. */
        SERVICE_UNAVAILABLE,
        /** Every call answers the service's internal error ({@code InternalServerError}, 500...); the SDK retries. */
        INTERNAL_ERROR,
        /**
         * Every call hangs for the outage's {@link #withLatency latency} on the stack's clock (past the client's
         * timeout), then answers {@code ServiceUnavailable}; the call never reaches the service.
         */
        TIMEOUT
    }

    /** How long a call hangs in {@link Mode#TIMEOUT} when not set: longer than the SDKs' usual call timeouts. */
    public static final Duration DEFAULT_LATENCY = Duration.ofMinutes(2);

    private final String name;
    private final Set<String> regions;
    private final Mode mode;
    private final Duration after;
    private final Duration duration;
    private final Duration latency;

    private RegionOutage(String name, Set<String> regions, Mode mode, Duration after, Duration duration,
            Duration latency) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("region outage '" + name + "' names no region: give one or more");
        }
        if (after.isNegative() || (duration != null && (duration.isNegative() || duration.isZero()))
                || latency.isNegative()) {
            throw new IllegalArgumentException("region outage '" + name + "': after and latency must not be negative"
                    + " and duration must be positive");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.regions = Set.copyOf(regions);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.after = after;
        this.duration = duration;
        this.latency = latency;
    }

    /**
     * An outage of {@code regions} for the whole test, answering {@code ServiceUnavailable}.
     *
     * @param regions the regions that are down, e.g. {@code us-west-2}
     * @return the outage, named {@code region outage <regions>}
     */
    public static RegionOutage of(String... regions) {
        Set<String> down = new TreeSet<>(List.of(regions));
        return new RegionOutage("region outage " + String.join(",", down), down, Mode.SERVICE_UNAVAILABLE,
                Duration.ZERO, null, DEFAULT_LATENCY);
    }

    /**
     * This outage under another name.
     *
     * @param newName the name shown in the plan and the ledger's faulted calls
     * @return a new outage
     */
    public RegionOutage named(String newName) {
        return new RegionOutage(newName, regions, mode, after, duration, latency);
    }

    /**
     * This outage, seen by the clients as {@code newMode}.
     *
     * @param newMode how calls fail
     * @return a new outage
     */
    public RegionOutage withMode(Mode newMode) {
        return new RegionOutage(name, regions, newMode, after, duration, latency);
    }

    /**
     * This outage, starting {@code delay} after the plan is applied (a test's start), on the stack's clock.
     *
     * @param delay not negative
     * @return a new outage
     */
    public RegionOutage withAfter(Duration delay) {
        return new RegionOutage(name, regions, mode, delay, duration, latency);
    }

    /**
     * This outage, lasting {@code length} on the stack's clock, after which the region returns.
     *
     * @param length positive
     * @return a new outage
     */
    public RegionOutage withDuration(Duration length) {
        return new RegionOutage(name, regions, mode, after, length, latency);
    }

    /**
     * This outage, holding each call for {@code delay} in {@link Mode#TIMEOUT}.
     *
     * @param delay not negative
     * @return a new outage
     */
    public RegionOutage withLatency(Duration delay) {
        return new RegionOutage(name, regions, mode, after, duration, delay);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The regions that are down.
     *
     * @return the regions
     */
    public Set<String> regions() {
        return regions;
    }

    /**
     * How calls fail.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * How long after the plan is applied the outage starts.
     *
     * @return the delay
     */
    public Duration after() {
        return after;
    }

    /**
     * How long the outage lasts.
     *
     * @return the length, or null for the rest of the test
     */
    public Duration duration() {
        return duration;
    }

    /**
     * How long a call hangs in {@link Mode#TIMEOUT}.
     *
     * @return the latency
     */
    public Duration latency() {
        return latency;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        return new RegionOutageHook(this, FaultWindow.from(context.clock().now(), after, duration),
                context.stack());
    }

    /** The fault of a plan file's entry of kind {@code region-outage}. */
    static RegionOutage parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "region", "regions", "mode", "after",
                "duration", "latency"));
        List<String> down = new ArrayList<>();
        JsonNode listed = entry.has("regions") ? entry.get("regions") : entry.path("region");
        if (listed.isArray()) {
            listed.forEach(r -> down.add(r.asText()));
        } else if (listed.isTextual()) {
            down.add(listed.textValue());
        }
        if (down.isEmpty()) {
            throw new IllegalArgumentException("fault rule '" + name + "': a region-outage needs region (or regions)");
        }
        RegionOutage outage = of(down.toArray(String[]::new)).named(name)
                .withAfter(FaultPlan.duration(name, entry.get("after")));
        if (entry.hasNonNull("duration")) {
            outage = outage.withDuration(FaultPlan.duration(name, entry.get("duration")));
        }
        if (entry.hasNonNull("latency")) {
            outage = outage.withLatency(FaultPlan.duration(name, entry.get("latency")));
        }
        if (entry.hasNonNull("mode")) {
            outage = outage.withMode(mode(name, entry.get("mode").asText()));
        }
        return outage;
    }

    private static Mode mode(String name, String text) {
        try {
            return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault rule '" + name + "': mode '" + text + "' is not one of"
                    + " connection-reset, service-unavailable, internal-error, timeout", e);
        }
    }

    @Override
    public String toString() {
        return name + ": " + String.join(", ", new TreeSet<>(regions)) + " down, "
                + mode.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (mode == Mode.TIMEOUT ? " after " + latency.toMillis() + " ms" : "")
                + FaultWindow.describe(after, duration);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionOutage o && o.name.equals(name) && o.regions.equals(regions) && o.mode == mode
                && o.after.equals(after) && Objects.equals(o.duration, duration) && o.latency.equals(latency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, regions, mode, after, duration, latency);
    }
}
