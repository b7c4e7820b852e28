package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What IAM's identities (roles, users, groups) have in common: a name, a path, a unique id, an ARN, tags,
 * managed policies attached and inline policies. Changed only under the IAM store's lock.
 */
abstract class IamIdentity {

    String name;
    String path;
    final String id;
    String arn;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** The ARNs of the managed policies attached, in attachment order. */
    final Set<String> attached = new LinkedHashSet<>();
    /** Inline policies by name, sorted as the List*Policies calls answer them. */
    final Map<String, String> inline = new TreeMap<>();

    IamIdentity(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }

    /**
     * IAM refuses to delete an identity that still has policies: they are detached and deleted first (as
     * Terraform does), in this order.
     */
    void checkNoPolicies() {
        if (!attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!inline.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
    }
}
