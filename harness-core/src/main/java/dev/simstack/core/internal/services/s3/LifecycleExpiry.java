package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import java.time.Instant;
import java.util.List;

/**
 * Lifecycle expiration on the stack's clock. S3 expires objects asynchronously, some time after the
 * expiry its {@code x-amz-expiration} header announces; the engine expires a current version at that
 * instant, on a timer of the stack's clock set when the version is written, when its tags change, and when
 * a lifecycle configuration is put (so a test advances a manual clock past the expiry and finds it gone). An
 * expired object is removed in a bucket that was never versioned, and gets a delete marker in a versioned
 * one, as S3 does; the ledger records the write under the operation {@code LifecycleExpiration}, and
 * {@code s3:LifecycleExpiration:*} notifications are sent. A timer that fires after the version was
 * replaced, or the rules changed, does nothing.
 */
final class LifecycleExpiry {

    static final String OPERATION = "LifecycleExpiration";

    private LifecycleExpiry() {
    }

    /** Sets the timer of {@code version} if the bucket's rules expire it. */
    static void track(S3Context s3, Bucket bucket, ObjectVersion version) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        LifecycleConfiguration.Expiry expiry = configuration == null ? null : configuration.expiry(version);
        if (expiry == null) {
            return;
        }
        Instant now = s3.stack().clock().now();
        Instant at = expiry.at().isAfter(now) ? expiry.at() : now.plusMillis(1); // never in the writing call
        s3.stack().clock().schedule(at, () -> expire(s3, bucket, version.key(), version.sequence()));
    }

    /** Sets the timers of every current version of the bucket (its lifecycle configuration was just put). */
    static void trackAll(S3Context s3, Bucket bucket) {
        List<ObjectVersion> current;
        synchronized (bucket) {
            current = bucket.keys().all().stream().filter(v -> bucket.keys().latest(v.key()) == v).toList();
        }
        current.forEach(version -> track(s3, bucket, version));
    }

    /** The {@code x-amz-expiration} header of {@code version} if it is current and a rule expires it. */
    static void answer(Bucket bucket, ObjectVersion version, RestOutput out) {
        LifecycleConfiguration configuration = bucket.lifecycle();
        if (configuration == null || bucket.keys().latest(version.key()) != version) {
            return;
        }
        LifecycleConfiguration.Expiry expiry = configuration.expiry(version);
        out.header("x-amz-expiration", expiry == null ? null : expiry.header());
    }

    private static void expire(S3Context s3, Bucket bucket, String key, long sequence) {
        if (s3.store().find(bucket.name()) != bucket) {
            return; // the bucket was deleted or the stack reset
        }
        Instant now = s3.stack().clock().now();
        ObjectVersion removed = null;
        ObjectVersion marker = null;
        List<ObjectVersion> replaced = List.of();
        synchronized (bucket) {
            ObjectVersion latest = bucket.keys().latest(key);
            LifecycleConfiguration configuration = bucket.lifecycle();
            if (latest == null || latest.sequence() != sequence || configuration == null) {
                return;
            }
            LifecycleConfiguration.Expiry expiry = configuration.expiry(latest);
            if (expiry == null || expiry.at().isAfter(now)) {
                return;
            }
            if (bucket.versioning() == null) {
                removed = bucket.keys().remove(key, ObjectVersion.NULL_VERSION);
                bucket.locks().remove(key, ObjectVersion.NULL_VERSION);
                AclActions.forget(bucket, key, ObjectVersion.NULL_VERSION);
            } else {
                marker = ObjectVersion.marker(key, bucket.nextVersionId(s3.ids()), now, s3.ids().nextSequence());
                replaced = bucket.keys().add(marker);
            }
        }
        S3Requester requester = new S3Requester(OPERATION, s3.stack().ids().next(), null);
        replaced.forEach(LifecycleExpiry::release);
        if (marker != null) {
            record(s3, bucket, key, marker.versionId(), ObjectWriteKind.DELETE_MARKER);
            s3.notifier().lifecycleExpired(bucket, marker, "DeleteMarkerCreated", requester);
        } else if (removed != null) {
            release(removed);
            record(s3, bucket, key, null, ObjectWriteKind.DELETE);
            s3.notifier().lifecycleExpired(bucket, removed, "Delete", requester);
        }
    }

    private static void record(S3Context s3, Bucket bucket, String key, String versionId, ObjectWriteKind kind) {
        s3.stack().ledger().objectWrite(bucket.ref(), key, versionId, kind, OPERATION, WriteOutcome.APPLIED);
    }

    private static void release(ObjectVersion version) {
        if (version.content() != null) {
            version.content().blob().release();
        }
    }
}
