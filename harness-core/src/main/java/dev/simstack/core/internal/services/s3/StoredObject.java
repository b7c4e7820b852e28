package dev.simstack.core.internal.services.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One object version as GetObject answers it.
 *
 * @param bytes the object's bytes (a copy)
 * @param contentType its Content-Type
 * @param metadata its user metadata, names in lower case
 * @param etag its ETag, in quotes
 * @param versionId its version id, or null in a bucket that was never versioned
 * @param lastModified when it was written, on the stack clock
 */
public record StoredObject(byte[] bytes, String contentType, Map<String, String> metadata, String etag,
        String versionId, Instant lastModified) {
}
