package dev.simstack.core.internal.services.s3;

import java.util.List;

/**
 * Commits a new object version to a bucket under its lock, with S3's versioning rules (a fresh version
 * id while versioning is enabled, else the "null" version overwritten in place), re-checks conditional
 * writes, frees the bytes of what was overwritten, and raises the ObjectCreated event.
 */
final class ObjectWrites {

    private final S3Context s3;

    ObjectWrites(S3Context s3) {
        this.s3 = s3;
    }

    /**
     * Stores {@code content} as the newest version of {@code key}.
     *
     * @param event the ObjectCreated event name suffix: Put, Copy, CompleteMultipartUpload
     */
    ObjectVersion commit(Bucket bucket, String key, ObjectVersion.StoredContent content,
            java.util.Map<String, String> tags, WriteConditions conditions, S3Call call, String event) {
        ObjectVersion version;
        List<ObjectVersion> replaced;
        synchronized (bucket) {
            try {
                if (conditions != null && conditions.any()) {
                    conditions.checkAtCommit(bucket.keys().latest(key), key);
                }
            } catch (RuntimeException e) {
                content.blob().release();
                throw e;
            }
            String versionId = bucket.nextVersionId(s3.ids());
            version = new ObjectVersion(key, versionId, false, s3.stack().clock().now(), s3.ids().nextSequence(),
                    content, new ObjectVersion.TagHolder(tags));
            replaced = bucket.keys().add(version);
        }
        replaced.forEach(old -> {
            if (old.content() != null) {
                old.content().blob().release();
            }
        });
        s3.notifier().objectCreated(bucket, version, event, call);
        return version;
    }

    /** The x-amz-version-id a write answers: none in a bucket that was never versioned. */
    static String versionHeader(Bucket bucket, ObjectVersion version) {
        return bucket.versioning() == null ? null : version.versionId();
    }
}
