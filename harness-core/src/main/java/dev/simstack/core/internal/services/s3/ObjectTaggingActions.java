package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import java.util.Map;

/** PutObjectTagging, GetObjectTagging and DeleteObjectTagging, on the current or a given version. */
final class ObjectTaggingActions {

    private final S3Context s3;

    ObjectTaggingActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutObjectTagging", call -> {
            Map<String, String> tags = TagSet.fromXml(call.payload().readAll(), TagSet.OBJECT_LIMIT);
            ObjectVersion version = version(call, "PUT");
            version.tags().set(tags);
            LifecycleExpiry.track(s3, s3.store().bucket(call.bucket()), version); // a tag filter may now select it
            return RestOutput.ok().header("x-amz-version-id", versionHeader(call, version));
        });
        operations.put("GetObjectTagging", call -> {
            ObjectVersion version = version(call, "GET");
            return RestOutput.xml(TagSet.toXml(version.tags().get()))
                    .header("x-amz-version-id", versionHeader(call, version));
        });
        operations.put("DeleteObjectTagging", call -> {
            ObjectVersion version = version(call, "DELETE");
            version.tags().set(Map.of());
            return RestOutput.ok().status(204).header("x-amz-version-id", versionHeader(call, version));
        });
    }

    private ObjectVersion version(S3Call call, String method) {
        Bucket bucket = s3.store().bucket(call.bucket());
        synchronized (bucket) {
            return VersionLookup.find(bucket, call.key(), call.query("versionId"), method);
        }
    }

    private String versionHeader(S3Call call, ObjectVersion version) {
        return s3.store().bucket(call.bucket()).versioning() == null ? null : version.versionId();
    }
}
