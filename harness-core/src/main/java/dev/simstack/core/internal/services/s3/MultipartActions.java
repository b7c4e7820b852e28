package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * CreateMultipartUpload, UploadPart, UploadPartCopy and AbortMultipartUpload. Parts are checked as they
 * arrive (digests, part number 1-10,000); sizes are checked at completion, where S3 checks them.
 */
final class MultipartActions {

    private final S3Context s3;

    MultipartActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("CreateMultipartUpload", this::create);
        operations.put("UploadPart", this::uploadPart);
        operations.put("UploadPartCopy", this::uploadPartCopy);
        operations.put("AbortMultipartUpload", this::abort);
        new MultipartListings(s3).register(operations);
    }

    private RestOutput create(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ObjectUpload.checkKey(call.key());
        String algorithmName = call.header("x-amz-checksum-algorithm");
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(algorithmName);
        if (algorithmName != null && algorithm == null) {
            throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of"
                    + " the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        String type = checksumType(call.header("x-amz-checksum-type"), algorithm);
        MultipartUpload upload = new MultipartUpload(s3.ids().uploadId(), call.key(), s3.stack().clock().now(),
                defaultEncryption(bucket, AclActions.withWriteAcl(bucket, call, ObjectAttributes.storedHeaders(call))),
                ObjectAttributes.metadata(call),
                ObjectAttributes.storageClass(call), TagSet.fromHeader(call.header("x-amz-tagging")), algorithm, type);
        synchronized (bucket) {
            bucket.uploads().put(upload.uploadId(), upload);
        }
        String xml = XmlWriter.document("InitiateMultipartUploadResult").element("Bucket", bucket.name())
                .element("Key", call.key()).element("UploadId", upload.uploadId())
                .finish("InitiateMultipartUploadResult");
        RestOutput out = RestOutput.xml(xml).header("x-amz-checksum-algorithm",
                algorithm == null ? null : algorithm.name()).header("x-amz-checksum-type", algorithm == null ? null : type);
        ObjectEncryption.answer(upload.headers(), out);
        return out;
    }

    /** The upload's headers with the bucket's default encryption, so its parts answer what the object will be. */
    private static java.util.Map<String, String> defaultEncryption(Bucket bucket, java.util.Map<String, String> headers) {
        BucketEncryption encryption = bucket.encryption();
        return encryption == null ? headers : encryption.applyTo(headers, bucket);
    }

    /**
     * COMPOSITE (a checksum of the part checksums) is the default; FULL_OBJECT only works with the CRC
     * algorithms, whose values combine, and is CRC64NVME's only type ("Checking object integrity").
     */
    private static String checksumType(String requested, ChecksumAlgorithm algorithm) {
        if (requested == null) {
            return algorithm == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
        }
        boolean crc = algorithm == ChecksumAlgorithm.CRC32 || algorithm == ChecksumAlgorithm.CRC32C
                || algorithm == ChecksumAlgorithm.CRC64NVME;
        if (algorithm == null || !(requested.equals("FULL_OBJECT") || requested.equals("COMPOSITE"))
                || (requested.equals("FULL_OBJECT") && !crc)
                || (requested.equals("COMPOSITE") && algorithm == ChecksumAlgorithm.CRC64NVME)) {
            throw S3Errors.invalidRequest("The " + algorithm + " checksum algorithm does not support the " + requested
                    + " checksum type.");
        }
        return requested;
    }

    static MultipartUpload upload(Bucket bucket, S3Call call) {
        String uploadId = call.query("uploadId");
        synchronized (bucket) {
            MultipartUpload upload = uploadId == null ? null : bucket.uploads().get(uploadId);
            if (upload == null || !upload.key().equals(call.key())) {
                throw S3Errors.noSuchUpload(uploadId);
            }
            return upload;
        }
    }

    private RestOutput uploadPart(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        int number = PartNumbers.parse(String.valueOf(call.query("partNumber")));
        MultipartUpload upload = upload(bucket, call);
        CustomerKeys.checkPart(upload.headers(), call);
        BlobWriter.Written written = ObjectUpload.receive(s3, call, upload.checksumAlgorithm());
        MultipartUpload.UploadedPart part = store(bucket, upload, number, written);
        RestOutput out = RestOutput.ok().header("ETag", part.etag());
        ObjectEncryption.answer(upload.headers(), out);
        part.checksums().forEach((algorithm, value) -> out.header(algorithm.header(), value));
        return out;
    }

    private RestOutput uploadPartCopy(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        int number = PartNumbers.parse(String.valueOf(call.query("partNumber")));
        MultipartUpload upload = upload(bucket, call);
        CopySource source = CopySource.parse(call.header("x-amz-copy-source"));
        CopySource.Read read = source.open(s3.store(), call, call.header("x-amz-copy-source-range"));
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        if (upload.checksumAlgorithm() != null) {
            algorithms.add(upload.checksumAlgorithm());
        }
        BlobWriter.Written written;
        try (InputStream in = read.bytes()) {
            written = s3.blobs().write(in, algorithms, read.range().length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MultipartUpload.UploadedPart part = store(bucket, upload, number, written);
        XmlWriter xml = XmlWriter.document("CopyPartResult").element("ETag", part.etag())
                .element("LastModified", S3Time.iso(part.lastModified()));
        part.checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
        return RestOutput.xml(xml.finish("CopyPartResult"))
                .header("x-amz-copy-source-version-id", source.versionId() != null ? read.version().versionId() : null);
    }

    private MultipartUpload.UploadedPart store(Bucket bucket, MultipartUpload upload, int number,
            BlobWriter.Written written) {
        MultipartUpload.UploadedPart part = new MultipartUpload.UploadedPart(number, written.blob(),
                ObjectUpload.etag(written.md5()), s3.stack().clock().now(), ObjectUpload.checksums(written));
        MultipartUpload.UploadedPart replaced;
        synchronized (bucket) {
            if (bucket.uploads().get(upload.uploadId()) != upload) {
                written.blob().release();
                throw S3Errors.noSuchUpload(upload.uploadId()); // completed or aborted meanwhile
            }
            replaced = upload.parts().put(number, part);
        }
        if (replaced != null) {
            replaced.blob().release();
        }
        return part;
    }

    private RestOutput abort(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        MultipartUpload upload = upload(bucket, call);
        synchronized (bucket) {
            bucket.uploads().remove(upload.uploadId());
        }
        upload.release();
        return RestOutput.ok().status(204);
    }
}
