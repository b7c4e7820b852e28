package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of an object, or a delete marker. Immutable but for its tags (PutObjectTagging changes
 * them in place, without a new version, as S3 does).
 *
 * @param key the key
 * @param versionId the version id; {@code "null"} for versions written while versioning was off or
 *        suspended, as S3 names them
 * @param deleteMarker true for a delete marker (no content)
 * @param lastModified when it was written, on the stack's clock
 * @param sequence the stack-wide write order; event sequencers are made from it
 * @param content bytes and headers; null for a delete marker
 */
record ObjectVersion(String key, String versionId, boolean deleteMarker, Instant lastModified, long sequence,
        StoredContent content, TagHolder tags) {

    static final String NULL_VERSION = "null";

    static ObjectVersion marker(String key, String versionId, Instant at, long sequence) {
        return new ObjectVersion(key, versionId, true, at, sequence, null, new TagHolder(Map.of()));
    }

    long size() {
        return content == null ? 0 : content.blob().length();
    }

    String etag() {
        return content == null ? null : content.etag();
    }

    /**
     * What a version holds: its bytes, ETag, headers, metadata, storage class and checksums.
     *
     * @param etag the quoted ETag: MD5 hex, or {@code md5-of-part-md5s-N} for multipart objects
     * @param headers standard content headers (Content-Type, Cache-Control, ...), as received
     * @param metadata user metadata, names lower-case without {@code x-amz-meta-}
     * @param checksums base64 checksums by algorithm (composite ones end in {@code -N})
     * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE}; null without checksums
     * @param parts the parts of a multipart object, for GetObject's partNumber; empty otherwise
     */
    record StoredContent(Blob blob, String etag, Map<String, String> headers, Map<String, String> metadata,
            String storageClass, Map<ChecksumAlgorithm, String> checksums, String checksumType, List<Part> parts) {
    }

    /**
     * A part of a completed multipart object.
     *
     * @param offset where it starts in the object
     * @param length its size
     * @param checksums its own checksums
     */
    record Part(long offset, long length, Map<ChecksumAlgorithm, String> checksums) {
    }

    /** The object's tag set, replaceable in place. */
    static final class TagHolder {
        private volatile Map<String, String> tags;

        TagHolder(Map<String, String> tags) {
            this.tags = Map.copyOf(tags);
        }

        Map<String, String> get() {
            return tags;
        }

        void set(Map<String, String> tags) {
            this.tags = Map.copyOf(tags);
        }
    }
}
