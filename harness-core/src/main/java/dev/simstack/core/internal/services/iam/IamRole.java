package dev.simstack.core.internal.services.iam;

import java.time.Instant;

/** A role: an identity with a trust policy and a longest session. Changed only under the IAM store's lock. */
final class IamRole extends IamIdentity {

    String trustPolicy;
    String description;
    int maxSessionDuration;

    IamRole(String name, String path, String id, String arn, Instant created) {
        super(name, path, id, arn, created);
    }
}
