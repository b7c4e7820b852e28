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

    /**
     * Whether a request to one partition key is throttled, as DynamoDB throttles a hot partition (more reads or
     * writes to one partition key than a partition serves): it answers {@code ProvisionedThroughputExceededException}
     * (400, throttling reason {@code TableWriteKeyRangeThroughputExceeded} or {@code TableReadKeyRangeThroughputExceeded})
     * and the SDKs retry it with back-off. Asked once per request of PutItem, UpdateItem, DeleteItem and GetItem,
     * before anything is read or written (not in transactions).
     *
     * @param table the table
     * @param partitionKey the partition key's value as text (a string, a number as written, binary as Base64)
     * @param write true for a write, false for a read
     * @return the fault's name, which the ledger notes on the request, to throttle it; {@code null} (the default) to
     *     serve it
     */
    default String throttlesPartition(ResourceRef table, String partitionKey, boolean write) {
        return null;
    }

    /**
     * Whether a write finds its item in another transaction, as DynamoDB refuses a write to an item that a
     * transaction is writing: in a {@code TransactWriteItems} the transaction is cancelled
     * ({@code TransactionCanceledException}, this action's reason {@code TransactionConflict}, the others
     * {@code None}); a PutItem, UpdateItem or DeleteItem answers {@code TransactionConflictException}. Nothing is
     * written. Asked per action of TransactWriteItems and once per single-item write, after its throttling.
     *
     * @param operation TransactWriteItems, PutItem, UpdateItem or DeleteItem
     * @param table the table
     * @param partitionKey the partition key's value as text (a string, a number as written, binary as Base64)
     * @return the fault's name, which the ledger notes on the request, to refuse the write; {@code null} (the
     *     default) to let it run
     */
    default String transactionConflict(String operation, ResourceRef table, String partitionKey) {
        return null;
    }
}
