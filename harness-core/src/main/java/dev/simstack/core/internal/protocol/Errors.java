package dev.simstack.core.internal.protocol;

import dev.simstack.core.AwsException;

/** The errors every AWS front door answers, whatever the service. */
public final class Errors {

    private Errors() {
    }

    /** A required parameter is absent. */
    public static AwsException missingParameter(String name) {
        return new AwsException("MissingParameter", 400, "The request must contain the parameter " + name + ".");
    }

    /** A parameter has a value outside its rules. */
    public static AwsException invalidParameterValue(String message) {
        return new AwsException("InvalidParameterValue", 400, message);
    }

    /** The body could not be read as the protocol's document, or a member had the wrong type. */
    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
    }

    /** An operation the service does not have (JSON protocols). */
    public static AwsException unknownOperation(String target) {
        return new AwsException("UnknownOperationException", 400, "Operation " + target + " is not supported.");
    }

    /** An action the service does not have (Query protocol). */
    public static AwsException invalidAction(String action) {
        return new AwsException("InvalidAction", 400, "The action " + action + " is not valid for this endpoint.");
    }

    /**
     * Something AWS does that the engine does not; names it so the user knows it is a gap, not a bug.
     * Services whose model has an error shape for this (SQS's {@code UnsupportedOperation}) use their own.
     */
    public static AwsException notSupported(String what) {
        return new AwsException("UnsupportedOperation", 400,
                what + " is not supported by SimStack's engine yet (see docs/compatibility.md).");
    }
}
