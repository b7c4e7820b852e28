package dev.simstack.core.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Implemented by an {@link dev.simstack.core.AwsException} whose JSON error body carries members beyond
 * {@code __type} and {@code message}, which the SDK reads into its exception: DynamoDB's
 * {@code CancellationReasons} of {@code TransactionCanceledException} and the {@code Item} of a
 * {@code ConditionalCheckFailedException} asked for with {@code ReturnValuesOnConditionCheckFailure}.
 */
public interface ErrorBodyMembers {

    /** The extra members, written into the error body as they are. */
    ObjectNode errorMembers();
}
