package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A group: an identity whose policies its users share. Changed only under the IAM store's lock. */
final class IamGroup extends IamIdentity {

    /** The group's users, in the order they joined. */
    final Set<IamUser> users = new LinkedHashSet<>();

    IamGroup(String name, String path, String id, String arn, Instant created) {
        super(name, path, id, arn, created);
    }
}
