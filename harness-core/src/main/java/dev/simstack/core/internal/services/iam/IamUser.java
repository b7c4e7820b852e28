package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A user: an identity with access keys and group memberships. Changed only under the IAM store's lock. */
final class IamUser extends IamIdentity {

    /** The user's access keys, oldest first, as ListAccessKeys answers them. */
    final List<AccessKey> accessKeys = new ArrayList<>();
    /** The groups the user is in, in the order it joined them. */
    final Set<IamGroup> groups = new LinkedHashSet<>();

    IamUser(String name, String path, String id, String arn, Instant created) {
        super(name, path, id, arn, created);
    }
}
