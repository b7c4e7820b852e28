package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.Errors;

/**
 * Every error SQS answers, each with the model's error shape name (which picks the SDK's exception
 * class), the {@code awsQueryError} code (which becomes {@code awsErrorDetails().errorCode()}), the HTTP
 * status of that code and AWS's own message text.
 */
final class SqsErrors {

    private SqsErrors() {
    }

    static AwsException queueDoesNotExist() {
        return new AwsException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400, true,
                "The specified queue does not exist.");
    }

    static AwsException queueNameExists(String attribute) {
        return new AwsException("QueueNameExists", "QueueAlreadyExists", 400, true,
                "A queue already exists with the same name and a different value for attribute " + attribute);
    }

    static AwsException queueDeletedRecently() {
        return new AwsException("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400, true,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
    }

    static AwsException invalidAddress(String url) {
        return new AwsException("InvalidAddress", "InvalidAddress", 404, true,
                "The address " + url + " is not valid for this endpoint.");
    }

    static AwsException receiptHandleIsInvalid(String handle) {
        return new AwsException("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 404, true,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    static AwsException invalidAttributeName(String name) {
        return new AwsException("InvalidAttributeName", "InvalidAttributeName", 400, true,
                "Unknown Attribute " + name + ".");
    }

    static AwsException invalidAttributeValue(String name) {
        return new AwsException("InvalidAttributeValue", "InvalidAttributeValue", 400, true,
                "Invalid value for the parameter " + name + ".");
    }

    static AwsException invalidMessageContents(String message) {
        return new AwsException("InvalidMessageContents", "InvalidMessageContents", 400, true, message);
    }

    static AwsException messageNotInflight() {
        return new AwsException("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400, true,
                "The message referred to is not in flight.");
    }

    static AwsException overLimit(String message) {
        return new AwsException("OverLimit", "OverLimit", 403, true, message);
    }

    static AwsException purgeQueueInProgress(String queueName) {
        return new AwsException("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403, true,
                "Only one PurgeQueue operation on " + queueName + " is allowed every 60 seconds.");
    }

    static AwsException tooManyEntriesInBatchRequest(int sent) {
        return new AwsException("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                400, true, "Maximum number of entries per request are 10. You have sent " + sent + ".");
    }

    static AwsException emptyBatchRequest(String entryName) {
        return new AwsException("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400, true,
                "There should be at least one " + entryName + " in the request.");
    }

    static AwsException batchEntryIdsNotDistinct(String id) {
        return new AwsException("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400,
                true, "Id " + id + " repeated.");
    }

    static AwsException batchRequestTooLong(long size, int limit) {
        return new AwsException("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400, true,
                "Batch requests cannot be longer than " + limit + " bytes. You have sent " + size + " bytes.");
    }

    static AwsException invalidBatchEntryId() {
        return new AwsException("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400, true,
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                        + "It can be at most 80 letters long.");
    }

    static AwsException unsupportedOperation(String message) {
        return new AwsException("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400, true,
                message);
    }

    static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFoundException", "ResourceNotFoundException", 404, true, message);
    }

    static AwsException missingParameter(String name) {
        return Errors.missingParameter(name);
    }

    static AwsException invalidParameterValue(String message) {
        return Errors.invalidParameterValue(message);
    }

    /** AWS's usual sentence for a parameter outside its rules. */
    static AwsException invalidParameter(String name, Object value, String reason) {
        return Errors.invalidParameterValue("Value " + value + " for parameter " + name + " is invalid. Reason: "
                + reason + ".");
    }
}
