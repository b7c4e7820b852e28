package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;

/** The errors of the Lambda API, with the codes and statuses its model gives them. */
final class LambdaErrors {

    /** TooManyRequestsException carries a {@code Reason} the SDK exposes. */
    static final class Throttled extends AwsException implements ErrorBodyMembers {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Throttled(String reason, String message) {
            super("TooManyRequestsException", 429, message);
            this.reason = reason;
        }

        @Override
        public ObjectNode errorMembers() {
            ObjectNode members = JsonNodeFactory.instance.objectNode();
            members.put("Reason", reason);
            members.put("retryAfterSeconds", "1");
            return members;
        }
    }

    private LambdaErrors() {
    }

    static AwsException functionNotFound(String arn) {
        return new AwsException("ResourceNotFoundException", 404, "Function not found: " + arn);
    }

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", 404, message);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterValueException", 400, message);
    }

    static AwsException conflict(String message) {
        return new AwsException("ResourceConflictException", 409, message);
    }

    static AwsException invalidRequestContent(String message) {
        return new AwsException("InvalidRequestContentException", 400, message);
    }

    static AwsException reservedLimit() {
        return new Throttled("ReservedFunctionConcurrentInvocationLimitExceeded", "Rate Exceeded.");
    }

    static AwsException accountLimit() {
        return new Throttled("ConcurrentInvocationLimitExceeded", "Rate Exceeded.");
    }
}
