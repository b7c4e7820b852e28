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
    }
}
