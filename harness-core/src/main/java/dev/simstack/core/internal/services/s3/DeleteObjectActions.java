package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.List;

/**
 * DeleteObject and DeleteObjects, with S3's versioning rules: without a version id, an unversioned
 * bucket removes the object, a versioned one adds a delete marker (a suspended one a "null" marker that
 * replaces the "null" version); with a version id, that version goes for good. Deleting what is not
 * there succeeds (204), as in S3, unless the delete is conditional ({@link DeleteConditions}): a refused
 * conditional delete is recorded in the ledger as PRECONDITION_FAILED and changes nothing.
 */
final class DeleteObjectActions {

    /** DeleteObjects takes at most 1,000 keys per request. */
    private static final int MAX_KEYS = 1000;

    private final S3Context s3;
    private final ObjectWrites writes;

    DeleteObjectActions(S3Context s3) {
        this.s3 = s3;
        this.writes = new ObjectWrites(s3);
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("DeleteObject", this::deleteObject);
        operations.put("DeleteObjects", this::deleteObjects);
    }

    /** What one delete did. */
    record Outcome(String versionId, boolean deleteMarker) {
    }

    private RestOutput deleteObject(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        String versionId = call.query("versionId");
        DeleteConditions conditions = DeleteConditions.of(call, versionId);
        Outcome outcome = delete(bucket, call.key(), versionId, conditions, call.requester());
        return RestOutput.ok().status(204).header("x-amz-delete-marker", outcome.deleteMarker() ? "true" : null)
                .header("x-amz-version-id", outcome.versionId());
    }

    Outcome delete(Bucket bucket, String key, String versionId, DeleteConditions conditions, S3Requester requester) {
        ObjectVersion removed;
        ObjectVersion marker = null;
        List<ObjectVersion> replaced = List.of();
        synchronized (bucket) {
            checkConditions(bucket, key, versionId, conditions, requester);
            if (versionId != null) {
                VersionLookup.checkVersionId(versionId);
                bucket.locks().checkRemovable(key, versionId, s3.stack().clock().now(), conditions.bypassGovernance());
                removed = bucket.keys().remove(key, versionId);
                bucket.locks().remove(key, versionId);
                AclActions.forget(bucket, key, versionId);
            } else if (bucket.versioning() == null) {
                removed = bucket.keys().remove(key, ObjectVersion.NULL_VERSION);
                AclActions.forget(bucket, key, ObjectVersion.NULL_VERSION);
            } else {
                removed = null;
                marker = ObjectVersion.marker(key, bucket.nextVersionId(s3.ids()), s3.stack().clock().now(),
                        s3.ids().nextSequence());
                replaced = bucket.keys().add(marker);
            }
        }
        release(removed);
        replaced.forEach(DeleteObjectActions::release);
        writes.record(bucket, key, marker != null ? marker.versionId() : versionId,
                marker != null ? ObjectWriteKind.DELETE_MARKER : ObjectWriteKind.DELETE, requester, WriteOutcome.APPLIED);
        if (marker != null) {
            s3.notifier().objectRemoved(bucket, marker, "DeleteMarkerCreated", requester);
            writes.markerAdded(bucket, marker, requester);
            return new Outcome(marker.versionId(), true);
        }
        if (removed != null) {
            // The event is the removal, so it gets the removal's time and place in the write order.
            ObjectVersion removal = new ObjectVersion(removed.key(), removed.versionId(), removed.deleteMarker(),
                    s3.stack().clock().now(), s3.ids().nextSequence(), removed.content(), removed.tags());
            s3.notifier().objectRemoved(bucket, removal, "Delete", requester);
            return new Outcome(versionId, removed.deleteMarker());
        }
        return new Outcome(versionId, false);
    }

    /** Refuses (and records the refusal of) a conditional delete whose condition does not hold. */
    private void checkConditions(Bucket bucket, String key, String versionId, DeleteConditions conditions,
            S3Requester requester) {
        try {
            conditions.check(bucket.keys().latest(key), key);
        } catch (RestXmlError e) {
            boolean marker = versionId == null && bucket.versioning() != null;
            writes.refused(bucket, key, marker ? ObjectWriteKind.DELETE_MARKER : ObjectWriteKind.DELETE, requester);
            throw e;
        }
    }

    private static void release(ObjectVersion version) {
        if (version != null && version.content() != null) {
            version.content().blob().release();
        }
    }

    private RestOutput deleteObjects(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        XmlReader delete = XmlReader.parse(call.payload().readAll(), "Delete");
        List<XmlReader> objects = delete.children("Object");
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw S3Errors.malformedXml();
        }
        refuseDirectoryBucketConditions(objects);
        boolean quiet = "true".equalsIgnoreCase(delete.text("Quiet"));
        XmlWriter xml = XmlWriter.document("DeleteResult");
        for (XmlReader object : objects) {
            String key = object.requiredText("Key");
            String versionId = object.text("VersionId");
            try {
                DeleteConditions conditions = DeleteConditions.forVersion(object.text("ETag"), versionId)
                        .bypassing(DeleteConditions.bypassGovernance(call));
                Outcome outcome = delete(bucket, key, versionId, conditions, call.requester());
                if (!quiet) {
                    xml.start("Deleted").element("Key", key).element("VersionId", versionId)
                            .element("DeleteMarker", outcome.deleteMarker() ? "true" : null)
                            .element("DeleteMarkerVersionId", outcome.deleteMarker() && versionId == null
                                    ? outcome.versionId() : null)
                            .end("Deleted");
                }
            } catch (RestXmlError e) {
                xml.start("Error").element("Key", key).element("VersionId", versionId).element("Code", e.code())
                        .element("Message", e.getMessage()).end("Error");
            }
        }
        return RestOutput.xml(xml.finish("DeleteResult"));
    }

    /**
     * An object's {@code Size} or {@code LastModifiedTime} condition is a directory bucket's: the whole request
     * is refused before anything is deleted, as a general purpose bucket refuses DeleteObject's headers.
     */
    private static void refuseDirectoryBucketConditions(List<XmlReader> objects) {
        for (XmlReader object : objects) {
            for (String element : new String[] {"Size", "LastModifiedTime"}) {
                if (object.text(element) != null) {
                    throw DeleteConditions.notImplemented(element);
                }
            }
        }
    }
}
