package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
        ObjectUpload.checkKey(call.key());
        ObjectPut put = new ObjectPut(call.key(), WriteConditions.of(call),
                AclActions.withWriteAcl(bucket, call, ObjectAttributes.storedHeaders(call)),
                ObjectAttributes.metadata(call), ObjectAttributes.storageClass(call),
                TagSet.fromHeader(call.header("x-amz-tagging")));
        Stored stored = put(bucket, put, () -> ObjectUpload.receive(s3, call, null), call.requester());
        ObjectVersion.StoredContent content = stored.content();
        RestOutput out = RestOutput.ok().header("ETag", content.etag())
                .header("x-amz-version-id", stored.versionId());
        synchronized (bucket) {
            LifecycleExpiry.answer(bucket, stored.version(), out);
        }
        ObjectEncryption.answer(content.headers(), out);
        content.checksums().forEach((algorithm, value) -> out.header(algorithm.header(), value));
        out.header("x-amz-checksum-type", content.checksums().isEmpty() ? null : "FULL_OBJECT");
        return out;
    }

    /**
     * What a PutObject writes besides its bytes, decoded and checked (the key's length, the metadata's size,
     * the storage class, the tags): the wire reads it from headers, the {@link S3Port} from its arguments.
     *
     * @param headers the content headers S3 keeps (Content-Type at least)
     * @param metadata user metadata, names in lower case
     */
    record ObjectPut(String key, WriteConditions conditions, Map<String, String> headers,
            Map<String, String> metadata, String storageClass, Map<String, String> tags) {
    }

    /** The version a put made and the version id it answers (none in a bucket that was never versioned). */
    record Stored(ObjectVersion version, ObjectVersion.StoredContent content, String versionId) {
    }

    /**
     * PutObject of {@code put} into {@code bucket}: the preconditions checked (and a refusal recorded)
     * before {@code body} is read, then the version committed, recorded and notified.
     */
    Stored put(Bucket bucket, ObjectPut put, Supplier<BlobWriter.Written> body, S3Requester requester) {
        writes.checkBefore(bucket, put.key(), put.conditions(), ObjectWriteKind.PUT, requester);
        BlobWriter.Written written = body.get();
        ObjectVersion.StoredContent content = new ObjectVersion.StoredContent(written.blob(),
                ObjectUpload.etag(written.md5()), put.headers(), put.metadata(), put.storageClass(),
                ObjectUpload.checksums(written), "FULL_OBJECT", List.of());
        ObjectVersion version = writes.commit(bucket, put.key(), content, put.tags(), put.conditions(), requester,
                ObjectWriteKind.PUT, "Put");
        return new Stored(version, version.content(), ObjectWrites.versionHeader(bucket, version));
    }
}
