package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.DynamoDbHook;
import dev.simstack.core.SemanticHook;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Global-table replication from one region to another that lags or pauses, as it may on AWS (replication is
 * asynchronous, usually within a second, with no upper bound promised): a write made in {@link #from} reaches the
 * replica in {@link #to} only {@link #lag} after it was made, and, with a pause window, nothing reaches it until
 * the window ends, when the held writes are applied in the order they were made. Nothing is lost; reads of the
 * replica are stale meanwhile. Times are on the stack's clock.
 *
 * <pre>{@code
 * FaultPlan.none().with(ReplicationLag.of("us-east-1", "us-west-2").withLag(Duration.ofSeconds(30)));
 * FaultPlan.none().with(ReplicationLag.of("us-east-1", "us-west-2").withPause(Duration.ZERO, Duration.ofMinutes(5)));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReplicationLag implements SemanticFault {

    private final String name;
    private final String from;
    private final String to;
    private final String table;
    private final Duration lag;
    private final Duration pauseAfter;
    private final Duration pauseFor;

    private ReplicationLag(String name, String from, String to, String table, Duration lag, Duration pauseAfter,
            Duration pauseFor) {
        this.name = Objects.requireNonNull(name, "name");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("replication lag '" + name + "': from and to are both " + from
                    + "; name two regions of the global table");
        }
        if (lag.isNegative() || pauseAfter.isNegative() || (pauseFor != null && (pauseFor.isNegative() || pauseFor.isZero()))) {
            throw new IllegalArgumentException("replication lag '" + name + "': lag and the pause's start must not be"
                    + " negative and its duration must be positive");
        }
        this.table = table;
        this.lag = lag;
        this.pauseAfter = pauseAfter;
        this.pauseFor = pauseFor;
    }

    /**
     * Replication from {@code from} to {@code to} of every global table, neither lagging nor paused yet: give it
     * {@link #withLag} or {@link #withPause}.
     *
     * @param from the region writes are made in
     * @param to the replica's region
     * @return the fault, named {@code replication <from> -> <to>}
     */
    public static ReplicationLag of(String from, String to) {
        return new ReplicationLag("replication " + from + " -> " + to, from, to, null, Duration.ZERO, Duration.ZERO,
                null);
    }

    /**
     * This fault under another name.
     *
     * @param newName the name shown in the plan
     * @return a new fault
     */
    public ReplicationLag named(String newName) {
        return new ReplicationLag(newName, from, to, table, lag, pauseAfter, pauseFor);
    }

    /**
     * This fault, only for the global table {@code tableName}.
     *
     * @param tableName the table
     * @return a new fault
     */
    public ReplicationLag withTable(String tableName) {
        return new ReplicationLag(name, from, to, tableName, lag, pauseAfter, pauseFor);
    }

    /**
     * This fault, each write reaching the replica {@code delay} after it was made (never sooner than the stack's own
     * lag, one second by default).
     *
     * @param delay not negative
     * @return a new fault
     */
    public ReplicationLag withLag(Duration delay) {
        return new ReplicationLag(name, from, to, table, delay, pauseAfter, pauseFor);
    }

    /**
     * This fault, holding every write that arrives at the replica within a window that opens {@code after} the
     * plan is applied and lasts {@code duration}, then applying them in order.
     *
     * @param after when the pause starts, not negative
     * @param duration how long it lasts, positive
     * @return a new fault
     */
    public ReplicationLag withPause(Duration after, Duration duration) {
        return new ReplicationLag(name, from, to, table, lag, after, Objects.requireNonNull(duration, "duration"));
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The region writes are made in.
     *
     * @return the source region
     */
    public String from() {
        return from;
    }

    /**
     * The replica's region.
     *
     * @return the target region
     */
    public String to() {
        return to;
    }

    /**
     * The table it applies to.
     *
     * @return the table's name, or null for every global table
     */
    public String table() {
        return table;
    }

    /**
     * How long after it was made a write reaches the replica.
     *
     * @return the lag; zero for the stack's own
     */
    public Duration lag() {
        return lag;
    }

    @Override
    public SemanticHook activate(FaultContext context) {
        FaultWindow pause = pauseFor == null ? null : FaultWindow.from(context.clock().now(), pauseAfter, pauseFor);
        return new Hook(pause, context);
    }

    /** The fault of a plan file's entry of kind {@code replication-lag}. */
    static ReplicationLag parse(String name, JsonNode entry) {
        SemanticKinds.refuseUnknown(name, entry, Set.of("name", "kind", "from", "to", "table", "lag", "after",
                "duration"));
        if (!entry.hasNonNull("from") || !entry.hasNonNull("to")) {
            throw new IllegalArgumentException("fault rule '" + name + "': a replication-lag needs from and to");
        }
        if (!entry.hasNonNull("lag") && !entry.hasNonNull("duration")) {
            throw new IllegalArgumentException("fault rule '" + name + "': a replication-lag needs a lag, or a pause"
                    + " duration (and optional after)");
        }
        ReplicationLag fault = of(entry.get("from").asText(), entry.get("to").asText()).named(name)
                .withLag(FaultPlan.duration(name, entry.get("lag")));
        if (entry.hasNonNull("table")) {
            fault = fault.withTable(entry.get("table").asText());
        }
        if (entry.hasNonNull("duration")) {
            fault = fault.withPause(FaultPlan.duration(name, entry.get("after")),
                    FaultPlan.duration(name, entry.get("duration")));
        }
        return fault;
    }

    @Override
    public String toString() {
        return name + ": " + (table == null ? "" : table + " ") + from + " -> " + to
                + (lag.isZero() ? "" : ", lag " + lag.toMillis() + " ms")
                + (pauseFor == null ? "" : ", paused" + FaultWindow.describe(pauseAfter, pauseFor));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplicationLag o && o.name.equals(name) && o.from.equals(from) && o.to.equals(to)
                && Objects.equals(o.table, table) && o.lag.equals(lag) && o.pauseAfter.equals(pauseAfter)
                && Objects.equals(o.pauseFor, pauseFor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, from, to, table, lag, pauseAfter, pauseFor);
    }

    /** The fault on a stack: holds the link's writes until their lag has passed and the pause has ended. */
    private final class Hook implements DynamoDbHook {
        private final FaultWindow pause;
        private final FaultContext context;

        Hook(FaultWindow pause, FaultContext context) {
            this.pause = pause;
            this.context = context;
        }

        @Override
        public Instant replicationHeldUntil(String tableName, String sourceRegion, String targetRegion,
                Instant written) {
            if (!sourceRegion.equals(from) || !targetRegion.equals(to) || (table != null && !table.equals(tableName))) {
                return null;
            }
            Instant until = written.plus(lag);
            if (pause != null && pause.contains(context.clock().now()) && pause.end().isAfter(until)) {
                until = pause.end();
            }
            return until;
        }

        @Override
        public String toString() {
            return ReplicationLag.this.toString();
        }
    }
}
