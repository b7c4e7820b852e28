package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.ErrorBodyMembers;

/** A DynamoDB error whose body carries more than a message: an old item, or cancellation reasons. */
final class DetailedAwsException extends AwsException implements ErrorBodyMembers {

    private static final long serialVersionUID = 1L;

    private final transient ObjectNode members;

    DetailedAwsException(String code, String message, ObjectNode members) {
        super(code, 400, message);
        this.members = members;
    }

    @Override
    public ObjectNode errorMembers() {
        return members;
    }
}
