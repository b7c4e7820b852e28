package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import java.util.List;
import java.util.Map;

/** PutObject: one request, one object version, with conditional writes and integrity checks. */
final class PutObjectAction {

    private final S3Context s3;
    private final ObjectWrites writes;

    PutObjectAction(S3Context s3) {
        this.s3 = s3;
        this.writes = new ObjectWrites(s3);
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutObject", this::putObject);
    }

    private RestOutput putObject(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        String key = call.key();
        ObjectUpload.checkKey(key);
        WriteConditions conditions = WriteConditions.of(call);
        writes.checkBefore(bucket, key, conditions, ObjectWriteKind.PUT, call);
        Map<String, String> headers = ObjectAttributes.contentHeaders(call);
        Map<String, String> metadata = ObjectAttributes.metadata(call);
        String storageClass = ObjectAttributes.storageClass(call);
        Map<String, String> tags = TagSet.fromHeader(call.header("x-amz-tagging"));
        BlobWriter.Written written = ObjectUpload.receive(s3, call, null);
        ObjectVersion.StoredContent content = new ObjectVersion.StoredContent(written.blob(),
                ObjectUpload.etag(written.md5()), headers, metadata, storageClass, ObjectUpload.checksums(written),
                "FULL_OBJECT", List.of());
        ObjectVersion version = writes.commit(bucket, key, content, tags, conditions, call, ObjectWriteKind.PUT, "Put");
        RestOutput out = RestOutput.ok().header("ETag", content.etag())
                .header("x-amz-version-id", ObjectWrites.versionHeader(bucket, version))
                .header("x-amz-server-side-encryption", "AES256");
        content.checksums().forEach((algorithm, value) -> out.header(algorithm.header(), value));
        out.header("x-amz-checksum-type", content.checksums().isEmpty() ? null : "FULL_OBJECT");
        return out;
    }
}
