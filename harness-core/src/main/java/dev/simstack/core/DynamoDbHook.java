package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The fault points of DynamoDB's tables (writes, transactions, global-table replication): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface DynamoDbHook extends SemanticHook {
}
