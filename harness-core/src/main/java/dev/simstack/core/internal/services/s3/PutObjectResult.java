package dev.simstack.core.internal.services.s3;

/**
 * What a PutObject answered.
 *
 * @param etag the new object's ETag, in quotes (the hex MD5 of its bytes)
 * @param versionId the new version's id: null in a bucket that was never versioned, {@code "null"} in a
 *     suspended one
 */
public record PutObjectResult(String etag, String versionId) {
}
