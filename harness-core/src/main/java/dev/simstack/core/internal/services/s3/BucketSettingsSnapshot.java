package dev.simstack.core.internal.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The bucket settings S3's fidelity work added, in a data directory's bucket node: the legacy location
 * constraint, Object Lock with each version's lock, default encryption and the lifecycle rules. The
 * configurations are saved as the XML documents S3 answers for them and read back by the same parsers.
 * Called with the bucket's monitor held.
 */
final class BucketSettingsSnapshot {

    private BucketSettingsSnapshot() {
    }

    static void export(Bucket bucket, ObjectNode node) {
        node.put("locationConstraint", bucket.locationConstraint());
        if (bucket.objectLock() != null) {
            node.put("objectLock", bucket.objectLock().toXml());
        }
        ArrayNode locks = node.putArray("locks");
        for (Map.Entry<String, ObjectLocks.Lock> entry : bucket.locks().all().entrySet()) {
            int slash = entry.getKey().indexOf('/');
            ObjectNode lock = locks.addObject().put("versionId", entry.getKey().substring(0, slash))
                    .put("key", entry.getKey().substring(slash + 1));
            ObjectLocks.Retention retention = entry.getValue().retention();
            if (retention != null) {
                lock.put("mode", retention.mode()).put("retainUntil", retention.retainUntil().toString());
            }
            if (entry.getValue().legalHold() != null) {
                lock.put("legalHold", entry.getValue().legalHold());
            }
        }
        if (bucket.encryption() != null) {
            node.put("encryption", bucket.encryption().toXml());
        }
        if (bucket.lifecycle() != null) {
            node.put("lifecycle", bucket.lifecycle().xml());
        }
        exportAccess(bucket, node);
    }

    /** Object Ownership (null once deleted), the bucket's and the versions' ACLs, the logging
     * setting and the replication configuration. */
    private static void exportAccess(Bucket bucket, ObjectNode node) {
        String owner = AclActions.owner(bucket);
        node.put("ownership", bucket.ownership());
        if (bucket.acl() != null) {
            node.put("acl", bucket.acl().toXml(owner));
        }
        ObjectNode acls = node.putObject("objectAcls");
        bucket.objectAcls().forEach((id, acl) -> acls.put(id, acl.toXml(owner)));
        if (bucket.logging() != null) {
            node.put("logging", bucket.logging().toXml());
        }
        if (bucket.replication() != null) {
            node.put("replication", bucket.replication().toXml());
        }
    }

    private static void restoreAccess(Bucket bucket, JsonNode node) {
        if (node.has("ownership")) { // data directories saved before ownership was kept keep the new default
            bucket.ownership(node.path("ownership").asText(null));
        }
        String acl = node.path("acl").asText(null);
        if (acl != null) {
            bucket.acl(AccessControlList.parse(acl.getBytes(StandardCharsets.UTF_8)));
        }
        node.path("objectAcls").fields().forEachRemaining(entry -> bucket.objectAcls().put(entry.getKey(),
                AccessControlList.parse(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        String logging = node.path("logging").asText(null);
        if (logging != null) {
            bucket.logging(BucketLogging.fromXml(logging));
        }
        String replication = node.path("replication").asText(null);
        if (replication != null) {
            bucket.replication(ReplicationConfiguration.fromXml(replication));
        }
    }

    static void restore(Bucket bucket, JsonNode node, S3Context s3) {
        bucket.locationConstraint(node.path("locationConstraint").asText(null));
        String objectLock = node.path("objectLock").asText(null);
        if (objectLock != null) {
            bucket.objectLock(ObjectLockConfiguration.parse(objectLock.getBytes(StandardCharsets.UTF_8)));
        }
        for (JsonNode lock : node.path("locks")) {
            ObjectLocks.Retention retention = lock.has("mode") ? new ObjectLocks.Retention(lock.path("mode").asText(),
                    Instant.parse(lock.path("retainUntil").asText())) : null;
            Boolean hold = lock.has("legalHold") ? lock.path("legalHold").asBoolean() : null;
            bucket.locks().put(lock.path("key").asText(), lock.path("versionId").asText(),
                    new ObjectLocks.Lock(retention, hold));
        }
        String encryption = node.path("encryption").asText(null);
        if (encryption != null) {
            bucket.encryption(BucketEncryption.parse(encryption.getBytes(StandardCharsets.UTF_8), null));
        }
        String lifecycle = node.path("lifecycle").asText(null);
        if (lifecycle != null) {
            bucket.lifecycle(LifecycleConfiguration.parse(lifecycle.getBytes(StandardCharsets.UTF_8),
                    () -> s3.ids().versionId()));
        }
        restoreAccess(bucket, node);
    }
}
