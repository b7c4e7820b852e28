package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A role: its identity, trust policy, tags and policies. Changed only under the IAM store's lock. */
final class IamRole {

    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant created;
    String trustPolicy;
    String description;
    int maxSessionDuration;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** The ARNs of the managed policies attached, in attachment order. */
    final Set<String> attached = new LinkedHashSet<>();
    /** Inline policies by name, sorted as ListRolePolicies answers them. */
    final Map<String, String> inline = new TreeMap<>();

    IamRole(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }
}
