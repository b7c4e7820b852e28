package dev.simstack.core.internal.services.dynamodb.streams;

import dev.simstack.core.AwsException;

/**
 * The errors of the {@code dynamodbstreams} API. The expired and trimmed messages are those AWS answers (seen
 * in clients' reports); the not-found ones follow DynamoDB's {@code Requested resource not found: Table: ...}
 * pattern.
 */
final class StreamErrors {

    private StreamErrors() {
    }

    static AwsException streamNotFound(String streamArn) {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found: Stream: " + streamArn
                + " not found");
    }

    static AwsException shardNotFound(String shardId) {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found: Shard: " + shardId
                + " not found");
    }

    static AwsException expiredIterator() {
        return new AwsException("ExpiredIteratorException", 400, "Shard iterator has expired");
    }

    static AwsException trimmed() {
        return new AwsException("TrimmedDataAccessException", 400,
                "The data you are trying to access has been trimmed");
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    /** A constraint of the API model, in the wording of AWS's generic validator. */
    static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
