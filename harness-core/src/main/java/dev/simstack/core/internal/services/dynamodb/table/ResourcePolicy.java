package dev.simstack.core.internal.services.dynamodb.table;

/**
 * A resource-based policy attached to a table or its stream: the document as stored (whitespace removed, as
 * DynamoDB answers it) and its revision id.
 */
public record ResourcePolicy(String document, String revisionId) {
}
