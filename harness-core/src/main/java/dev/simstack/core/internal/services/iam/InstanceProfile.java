package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instance profile: a container for one role, as EC2 takes it. Changed only under the IAM store's lock. */
final class InstanceProfile {

    /** IAM's quota: an instance profile holds one role (InstanceSessionsPerInstanceProfile). */
    static final int ROLES_MAX = 1;

    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<IamRole> roles = new ArrayList<>(ROLES_MAX);

    InstanceProfile(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }
}
