package dev.simstack.core.internal.services.iam;

import java.time.Instant;

/**
 * A user's long-term access key. The secret is answered once, by CreateAccessKey, as IAM does. Changed only
 * under the IAM store's lock.
 */
final class AccessKey {

    final String id;
    final String secret;
    final IamUser user;
    final Instant created;
    String status = "Active";
    /** When, by which service and in which region the key last signed a call IAM saw; null if never. */
    Instant lastUsed;
    String lastService;
    String lastRegion;

    AccessKey(String id, String secret, IamUser user, Instant created) {
        this.id = id;
        this.secret = secret;
        this.user = user;
        this.created = created;
    }
}
