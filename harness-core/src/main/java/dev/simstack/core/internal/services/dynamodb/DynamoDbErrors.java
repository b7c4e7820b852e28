package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import java.util.List;

/**
 * Every error DynamoDB answers, with the model's error shape name (which picks the SDK's exception
 * class), its HTTP status and AWS's own message text. DynamoDB's validation errors all share the
 * {@code ValidationException} code; only their messages tell them apart.
 */
public final class DynamoDbErrors {

    /** The message of a failed condition, also used in transaction cancellation reasons. */
    public static final String CONDITION_FAILED = "The conditional request failed";

    /** The message of an item in another transaction, also used in transaction cancellation reasons. */
    public static final String TRANSACTION_CONFLICT = "Transaction is ongoing for the item";

    /** AWS's message when it throttles a hot partition key. */
    static final String THROTTLED = "Throughput exceeds the current capacity of your table or index. DynamoDB is"
            + " automatically scaling your table or index so please try again shortly. If exceptions persist, check"
            + " if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
            + "bp-partition-key-design.html";

    private DynamoDbErrors() {
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    /** The common prefix AWS puts before a broken rule about parameter values. */
    public static AwsException invalidParameters(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    /** A constraint of the API model, in the wording of AWS's generic validator. */
    public static AwsException constraint(String value, String member, String constraint) {
        return new ModelConstraints.Violation(List.of(ModelConstraints.detail(value, member, constraint)));
    }

    public static AwsException resourceNotFound() {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found");
    }

    public static AwsException tableNotFound(String table) {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found: Table: " + table
                + " not found");
    }

    public static AwsException resourceInUse(String message) {
        return new AwsException("ResourceInUseException", 400, message);
    }

    /** A failed condition; {@code members} holds the old {@code Item} when the caller asked for it. */
    public static AwsException conditionalCheckFailed(ObjectNode members) {
        return new DetailedAwsException("ConditionalCheckFailedException", CONDITION_FAILED, members);
    }

    /** A cancelled transaction, with one reason per action in AWS's shape. */
    public static AwsException transactionCanceled(String codes, ObjectNode members) {
        return new DetailedAwsException("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                members);
    }

    /**
     * A request throttled because its partition key is hot (both capacity modes): AWS's throttling message and one
     * throttling reason naming the table.
     */
    public static AwsException keyRangeThrottled(String tableArn, boolean write) {
        ObjectNode members = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        members.putArray("ThrottlingReasons").addObject()
                .put("reason", write ? "TableWriteKeyRangeThroughputExceeded" : "TableReadKeyRangeThroughputExceeded")
                .put("resource", tableArn);
        return new DetailedAwsException("ProvisionedThroughputExceededException", THROTTLED, members);
    }

    /** A single-item write to an item that a transaction is writing. */
    public static AwsException transactionConflict() {
        return new AwsException("TransactionConflictException", 400, TRANSACTION_CONFLICT);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", 400, message);
    }

    public static AwsException idempotentParameterMismatch() {
        return new AwsException("IdempotentParameterMismatchException", 400,
                "Transaction with the same ClientRequestToken but different parameters was already processed.");
    }

    /** A legacy parameter (Expected, AttributeUpdates, ...) the engine leaves to expressions. */
    public static AwsException legacyParameter(String parameter, String expression) {
        return validation("SimStack's engine does not support the legacy parameter " + parameter + "; use "
                + expression + " instead (see docs/compatibility.md).");
    }
}
