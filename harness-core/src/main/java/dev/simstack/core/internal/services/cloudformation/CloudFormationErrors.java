package dev.simstack.core.internal.services.cloudformation;

import dev.simstack.core.AwsException;

/** CloudFormation's errors, in the Query protocol's shape (type {@code Sender} for a caller's mistake). */
final class CloudFormationErrors {

    private CloudFormationErrors() {
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    static AwsException templateFormat(String why) {
        return validation("Template format error: " + why);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("AlreadyExistsException", 400, message);
    }

    static AwsException insufficientCapabilities(String capability) {
        return new AwsException("InsufficientCapabilitiesException", 400, "Requires capabilities : ["
                + capability + "]");
    }
}
