package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import java.util.List;

/**
 * Commits a new object version to a bucket under its lock, with S3's versioning rules (a fresh version
 * id while versioning is enabled, else the "null" version overwritten in place), re-checks conditional
 * writes, frees the bytes of what was overwritten, and raises the ObjectCreated event. Every object write,
 * applied or refused by a precondition, is recorded here in the ledger ({@link LedgerEntry.ObjectWrite}).
 */
final class ObjectWrites {

    private final S3Context s3;
    private final ReplicationActions replication;

    ObjectWrites(S3Context s3) {
        this.s3 = s3;
        this.replication = new ReplicationActions(s3, this);
    }

    /**
     * Stores {@code content} as the newest version of {@code key}.
     *
     * @param kind what the write is, for the ledger
     * @param event the ObjectCreated event name suffix: Put, Copy, CompleteMultipartUpload
     */
    ObjectVersion commit(Bucket bucket, String key, ObjectVersion.StoredContent content,
            java.util.Map<String, String> tags, WriteConditions conditions, S3Requester requester, ObjectWriteKind kind,
            String event) {
        ObjectVersion version;
        List<ObjectVersion> replaced;
        List<ReplicationConfiguration.Rule> rules = ReplicationActions.rules(bucket, key, tags, content);
        content = replication.withStatus(content, rules);
        String replicaOf = content.headers().get(ReplicationActions.REPLICA_OF);
        synchronized (bucket) {
            try {
                if (conditions != null && conditions.any()) {
                    conditions.checkAtCommit(bucket.keys().latest(key), key);
                }
            } catch (RuntimeException e) {
                content.blob().release();
                refused(bucket, key, kind, requester);
                throw e;
            }
            ObjectLocks.Lock lock;
            try {
                lock = ObjectLockActions.forWrite(bucket, content.headers(), s3.stack().clock().now());
            } catch (RuntimeException e) {
                content.blob().release();
                throw e;
            }
            // a replica keeps its source's version id, as S3's replication does
            String versionId = replicaOf != null ? replicaOf : bucket.nextVersionId(s3.ids());
            version = new ObjectVersion(key, versionId, false, s3.stack().clock().now(), s3.ids().nextSequence(),
                    stored(bucket, content), new ObjectVersion.TagHolder(tags));
            replaced = bucket.keys().add(version);
            bucket.locks().put(key, versionId, lock);
            AclActions.commit(bucket, key, versionId, content.headers());
        }
        replaced.forEach(old -> {
            if (old.content() != null) {
                old.content().blob().release();
            }
        });
        record(bucket, key, versionHeader(bucket, version), kind, requester, WriteOutcome.APPLIED);
        s3.notifier().objectCreated(bucket, version, event, requester);
        LifecycleExpiry.track(s3, bucket, version);
        replication.replicate(bucket, version, rules, requester);
        return version;
    }

    /**
     * The content as stored: with the bucket's default encryption when the write asked for none, and without
     * the lock headers (the lock lives in the bucket's locks, where PutObjectRetention can change it).
     */
    private static ObjectVersion.StoredContent stored(Bucket bucket, ObjectVersion.StoredContent content) {
        BucketEncryption encryption = bucket.encryption();
        java.util.Map<String, String> headers = encryption == null ? content.headers()
                : encryption.applyTo(content.headers(), bucket);
        if (headers == content.headers() && headers.keySet().stream().noneMatch(ObjectWrites::carriedToCommit)) {
            return content;
        }
        headers = new java.util.LinkedHashMap<>(headers);
        headers.keySet().removeIf(ObjectWrites::carriedToCommit);
        return new ObjectVersion.StoredContent(content.blob(), content.etag(), headers, content.metadata(),
                content.storageClass(), content.checksums(), content.checksumType(), content.parts());
    }

    /** Headers a write carries to its commit only: the lock's and the ACL's, which the bucket keeps. */
    private static boolean carriedToCommit(String name) {
        return name.startsWith("x-amz-object-lock-") || name.equals(AclActions.WRITE_ACL)
                || name.equals(ReplicationActions.REPLICA_OF);
    }

    /**
     * The check of a write's preconditions before its body is read, under the bucket's lock (a monitor, so
     * callers may already hold it); a refusal is recorded before its error goes out.
     */
    void checkBefore(Bucket bucket, String key, WriteConditions conditions, ObjectWriteKind kind, S3Requester requester) {
        if (!conditions.any()) {
            return;
        }
        synchronized (bucket) {
            try {
                conditions.checkBefore(bucket.keys().latest(key), key);
            } catch (RuntimeException e) {
                refused(bucket, key, kind, requester);
                throw e;
            }
        }
    }

    /** Replicates a delete marker just added to {@code bucket}, where its replication rules say so. */
    void markerAdded(Bucket bucket, ObjectVersion marker, S3Requester requester) {
        replication.replicateMarker(bucket, marker, requester);
    }

    /** Records a write a precondition refused: no version was made, so none is named. */
    void refused(Bucket bucket, String key, ObjectWriteKind kind, S3Requester requester) {
        record(bucket, key, null, kind, requester, WriteOutcome.PRECONDITION_FAILED);
    }

    /** Records one key's write, with the version id the write answers ({@link #versionHeader}). */
    void record(Bucket bucket, String key, String versionId, ObjectWriteKind kind, S3Requester requester,
            WriteOutcome outcome) {
        s3.stack().ledger().objectWrite(bucket.ref(), key, versionId, kind, requester.operation(), outcome);
    }

    /** The x-amz-version-id a write answers: none in a bucket that was never versioned. */
    static String versionHeader(Bucket bucket, ObjectVersion version) {
        return bucket.versioning() == null ? null : version.versionId();
    }
}
