package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer managed policy with its one version, {@code v1} (CreatePolicyVersion is not served). Changed
 * only under the IAM store's lock.
 */
final class ManagedPolicy {

    static final String DEFAULT_VERSION = "v1";

    final String name;
    final String path;
    final String id;
    final String arn;
    final String description;
    final String document;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    int attachments;

    ManagedPolicy(String name, String path, String id, String arn, String description, String document,
            Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.description = description;
        this.document = document;
        this.created = created;
    }
}
