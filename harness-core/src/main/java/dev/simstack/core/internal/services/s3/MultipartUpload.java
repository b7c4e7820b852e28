package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload said the object will be, and the parts so
 * far (a part uploaded again under the same number replaces the earlier one). Guarded by its bucket.
 *
 * @param checksumAlgorithm the algorithm every part must carry, or null
 * @param checksumType {@code COMPOSITE} (checksum of part checksums) or {@code FULL_OBJECT}
 */
record MultipartUpload(String uploadId, String key, Instant initiated, Map<String, String> headers,
        Map<String, String> metadata, String storageClass, Map<String, String> tags,
        ChecksumAlgorithm checksumAlgorithm, String checksumType, NavigableMap<Integer, UploadedPart> parts) {

    MultipartUpload(String uploadId, String key, Instant initiated, Map<String, String> headers,
            Map<String, String> metadata, String storageClass, Map<String, String> tags,
            ChecksumAlgorithm checksumAlgorithm, String checksumType) {
        this(uploadId, key, initiated, headers, metadata, storageClass, tags, checksumAlgorithm, checksumType,
                new TreeMap<>());
    }

    /** One uploaded part: its bytes, quoted MD5 ETag and checksums. */
    record UploadedPart(int number, Blob blob, String etag, Instant lastModified,
            Map<ChecksumAlgorithm, String> checksums) {
    }

    /** Frees the bytes of every part (abort, or the bucket going). */
    void release() {
        parts.values().forEach(part -> part.blob().release());
    }
}
