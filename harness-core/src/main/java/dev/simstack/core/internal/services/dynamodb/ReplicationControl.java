package dev.simstack.core.internal.services.dynamodb;

import java.time.Duration;

/**
 * How global-table replication between a stack's regions can be steered: how long a write takes to
 * reach the other replicas, and whether a region receives writes at all. Faults (a region outage,
 * replication lag) act through this.
 */
public interface ReplicationControl {

    /** The virtual time between a write and its arrival at the other replicas. */
    Duration lag();

    /** Sets the replication lag for writes made from now on. */
    void setLag(Duration lag);

    /** Holds every replicated write bound for {@code region} until {@link #resume}. */
    void pause(String region);

    /** Delivers the writes held for {@code region}, in order, and lets new ones through. */
    void resume(String region);

    /** True while {@code region} is paused. */
    boolean isPaused(String region);
}
