package dev.simstack.core.internal.services.dynamodb.streams;

import dev.simstack.core.internal.services.dynamodb.table.KeySchema;

/**
 * A table that has (or had) a stream, as the {@code dynamodbstreams} API describes it.
 *
 * @param tableName the table's name
 * @param keys the table's key schema, which DescribeStream repeats
 * @param stream the table's latest stream
 */
public record StreamedTable(String tableName, KeySchema keys, StreamLog stream) {
}
