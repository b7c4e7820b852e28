package dev.simstack.core.internal.services.iam;

import dev.simstack.core.AwsException;

/** IAM's errors, with the codes and statuses of its service model and messages worded as IAM words them. */
public final class IamErrors {

    private IamErrors() {
    }

    /** A name that is taken (role names and policy names are unique per account, whatever their case). */
    static AwsException entityAlreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    /** The role, policy or inline policy named does not exist. */
    static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    /** The entity is still in use (a role with policies, a policy attached to roles). */
    static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    /** A quota of IAM's (policy sizes, policies per role, tags per role). */
    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    /** A policy document that is not a policy, or not the kind of policy the call takes. */
    public static AwsException malformedPolicyDocument(String message) {
        return new AwsException("MalformedPolicyDocument", 400, message);
    }

    /** A value IAM reads but refuses (an ARN that is not a policy ARN, an unknown version id). */
    static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", 400, message);
    }
}
