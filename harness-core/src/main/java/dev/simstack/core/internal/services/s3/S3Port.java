package dev.simstack.core.internal.services.s3;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;

/**
 * The typed door into S3's objects inside the engine, on buckets named by their {@link ResourceRef}: put,
 * get and delete an object. PutObject, GetObject and DeleteObject decode a client's request and run the
 * same code ({@link PutObjectAction#put}, {@link VersionLookup}, {@link DeleteObjectActions#delete}), so
 * ETags, version ids, preconditions, the ledger's {@code ObjectWrite} entries and event notifications are
 * the same whoever writes. A port call is the engine's own: no HTTP, no interceptors, no {@code Request}
 * entry; its events name the account as the principal, as for an unsigned request.
 */
public final class S3Port {

    private final S3Context s3;
    private final PutObjectAction puts;
    private final DeleteObjectActions deletes;

    S3Port(S3Context s3, PutObjectAction puts, DeleteObjectActions deletes) {
        this.s3 = s3;
        this.puts = puts;
        this.deletes = deletes;
    }

    /**
     * PutObject of {@code bytes} at {@code key}, stored with {@code contentType} (S3's
     * {@code binary/octet-stream} when null) and user {@code metadata} (names kept in lower case).
     *
     * @param ifNoneMatch true to write only if the key has no current object ({@code If-None-Match: *})
     * @throws dev.simstack.core.AwsException NoSuchBucket, KeyTooLongError, MetadataTooLarge, or 412
     *     PreconditionFailed when {@code ifNoneMatch} and the key has an object
     */
    public PutObjectResult putObject(ResourceRef bucket, String key, byte[] bytes, String contentType,
            Map<String, String> metadata, boolean ifNoneMatch) {
        Bucket target = bucket(bucket);
        ObjectUpload.checkKey(key);
        PutObjectAction.ObjectPut put = new PutObjectAction.ObjectPut(key,
                new WriteConditions(null, ifNoneMatch ? "*" : null),
                ObjectAttributes.contentHeaders(name -> name.equals("Content-Type") ? contentType : null),
                ObjectAttributes.checkedMetadata(metadata), "STANDARD", Map.of());
        PutObjectAction.Stored stored = puts.put(target, put, () -> s3.blobs().write(new ByteArrayInputStream(bytes),
                EnumSet.noneOf(ChecksumAlgorithm.class), bytes.length), requester("PutObject"));
        return new PutObjectResult(stored.content().etag(), stored.versionId());
    }

    /**
     * GetObject of the current version of {@code key}, or of version {@code versionId} if not null.
     *
     * @throws dev.simstack.core.AwsException NoSuchBucket, NoSuchKey (also when the current version is a
     *     delete marker), NoSuchVersion, 405 MethodNotAllowed for a delete marker's version id, or 403
     *     InvalidObjectState for an archived object
     */
    public StoredObject getObject(ResourceRef bucket, String key, String versionId) {
        Bucket target = bucket(bucket);
        synchronized (target) {
            ObjectVersion version = VersionLookup.find(target, key, versionId);
            ObjectVersion.StoredContent content = version.content();
            GetObjectAction.checkReadable(content);
            return new StoredObject(bytes(content.blob()), content.headers().get("Content-Type"),
                    Collections.unmodifiableMap(content.metadata()), content.etag(),
                    target.versioning() == null ? null : version.versionId(), version.lastModified());
        }
    }

    /**
     * DeleteObject of {@code key} (a delete marker in a versioned bucket), or of version {@code versionId}
     * if not null. Deleting what is not there succeeds, as in S3.
     *
     * @throws dev.simstack.core.AwsException NoSuchBucket, or InvalidArgument for a malformed version id
     */
    public DeleteObjectResult deleteObject(ResourceRef bucket, String key, String versionId) {
        DeleteObjectActions.Outcome outcome = deletes.delete(bucket(bucket), key, versionId, DeleteConditions.NONE,
                requester("DeleteObject"));
        return new DeleteObjectResult(outcome.versionId(), outcome.deleteMarker());
    }

    /** A copy of the blob's bytes, read under the bucket's lock (a file may go once a write replaces it). */
    private static byte[] bytes(Blob blob) {
        try (InputStream in = blob.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine as requester: a request id of its own for the events, no principal. */
    private S3Requester requester(String operation) {
        return new S3Requester(operation, s3.stack().ids().next(), null);
    }

    /**
     * The bucket {@code ref} names, or NoSuchBucket. Bucket names are global, so the name finds it; the
     * ledger names the bucket by its own reference.
     */
    private Bucket bucket(ResourceRef ref) {
        if (ref.service() != AwsService.S3) {
            throw new IllegalArgumentException(ref + " is not an S3 bucket");
        }
        return s3.store().bucket(ref.name());
    }
}
