package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * Finds the version a read names, with S3's answers when there is none: NoSuchKey (with
 * {@code x-amz-delete-marker: true} when the newest version is a delete marker), NoSuchVersion, and
 * 405 MethodNotAllowed when a version id names a delete marker. Call with the bucket's lock held.
 */
final class VersionLookup {

    private VersionLookup() {
    }

    /**
     * A version id SimStack could have minted ("null" or 32 hex digits); S3 answers a malformed one with
     * 400 InvalidArgument, and a well-formed unknown one with 404 NoSuchVersion.
     */
    static void checkVersionId(String versionId) {
        if (versionId.isEmpty()) {
            throw S3Errors.invalidArgument("Version id cannot be the empty string", "versionId", versionId);
        }
        if (!versionId.equals(ObjectVersion.NULL_VERSION) && !versionId.matches("[0-9a-f]{32}")) {
            throw S3Errors.invalidArgument("Invalid version id specified", "versionId", versionId);
        }
    }

    static ObjectVersion find(Bucket bucket, String key, String versionId) {
        return find(bucket, key, versionId, "GET");
    }

    /**
     * The version a request with {@code method} names; a version id naming a delete marker answers 405
     * MethodNotAllowed naming that method (a marker has no tags, retention or legal hold).
     */
    static ObjectVersion find(Bucket bucket, String key, String versionId, String method) {
        if (versionId == null) {
            ObjectVersion latest = bucket.keys().latest(key);
            if (latest == null) {
                throw S3Errors.noSuchKey(key);
            }
            if (latest.deleteMarker()) {
                RestXmlError error = S3Errors.noSuchKey(key).withHeader("x-amz-delete-marker", "true");
                if (bucket.versioning() != null) {
                    error.withHeader("x-amz-version-id", latest.versionId());
                }
                throw error;
            }
            return latest;
        }
        checkVersionId(versionId);
        ObjectVersion version = bucket.keys().version(key, versionId);
        if (version == null) {
            throw S3Errors.noSuchVersion(key, versionId);
        }
        if (version.deleteMarker()) {
            throw S3Errors.methodNotAllowed(method, "DeleteMarker").withHeader("x-amz-delete-marker", "true")
                    .withHeader("x-amz-version-id", versionId)
                    .withHeader("Last-Modified", S3Time.http(version.lastModified()));
        }
        return version;
    }
}
