package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The fault points of DynamoDB's tables (writes, transactions, global-table replication): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface DynamoDbHook extends SemanticHook {

    /**
     * Until when a write to a global table, replicated from {@code sourceRegion}, is held before the replica in
     * {@code targetRegion} applies it (replication lag, or a paused replication or region outage). Writes held on
     * one link (source to target) are applied in the order they were made, each after the ones before it, so a
     * pause catches up in order; nothing is lost. The service asks again when the instant comes, and whenever
     * another write arrives on the link.
     *
     * @param table the table's name
     * @param sourceRegion the region the write was made in
     * @param targetRegion the replica's region
     * @param written when the write was made, on the stack's clock
     * @return the instant before which the write is held, {@link Instant#MAX} to hold it until asked again, or
     *     {@code null} (the default) to apply it once it arrives (after the stack's normal replication lag)
     */
    default Instant replicationHeldUntil(String table, String sourceRegion, String targetRegion, Instant written) {
        return null;
    }
}
