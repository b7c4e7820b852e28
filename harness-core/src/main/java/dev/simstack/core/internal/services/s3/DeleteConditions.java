package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * S3's conditional deletes in a general purpose bucket ("How to perform conditional deletes"):
 * {@code If-Match: etag} deletes only if the key's current version is an object with that ETag,
 * {@code If-Match: *} only if the key has a current object. They are judged against the current version
 * only: a key that was never written, or whose current version is a delete marker, answers 404 NoSuchKey,
 * as S3 answers (one sentence of its user guide says 412 for {@code *} over a delete marker; S3 itself answers
 * 404, and so does its own account of a delete racing a conditional write), a different ETag 412
 * PreconditionFailed. The check and the delete happen under the bucket's lock in one
 * step, so the engine has no window in which a concurrent write could slip between them: S3's 409
 * ConditionalRequestConflict for that race is never answered by a delete.
 *
 * <p>S3 supports the size and last-modified-time conditions ({@code x-amz-if-match-size},
 * {@code x-amz-if-match-last-modified-time}, DeleteObjects' {@code Size} and {@code LastModifiedTime}) only in
 * directory buckets, and a general purpose bucket refuses them with 501 NotImplemented, as it refuses
 * {@code If-Match} together with a version id; so does the engine, which has no directory buckets.
 */
record DeleteConditions(String ifMatch, boolean bypassGovernance) {

    static final String IF_MATCH_SIZE = "x-amz-if-match-size";
    static final String IF_MATCH_LAST_MODIFIED_TIME = "x-amz-if-match-last-modified-time";

    static final DeleteConditions NONE = new DeleteConditions(null, false);

    /** DeleteObject's conditions, refusing those a general purpose bucket does not implement. */
    static DeleteConditions of(S3Call call, String versionId) {
        for (String header : new String[] {IF_MATCH_SIZE, IF_MATCH_LAST_MODIFIED_TIME}) {
            if (call.header(header) != null) {
                throw notImplemented(header);
            }
        }
        return forVersion(call.header("If-Match"), versionId).bypassing(bypassGovernance(call));
    }

    /** {@code x-amz-bypass-governance-retention: true}: a GOVERNANCE retention does not refuse the delete. */
    static boolean bypassGovernance(S3Call call) {
        return "true".equalsIgnoreCase(call.header(ObjectLockActions.BYPASS_GOVERNANCE));
    }

    DeleteConditions bypassing(boolean bypass) {
        return new DeleteConditions(ifMatch, bypass);
    }

    /** The {@code If-Match} condition of a delete of {@code versionId} (null: the current version). */
    static DeleteConditions forVersion(String ifMatch, String versionId) {
        if (ifMatch == null) {
            return NONE;
        }
        if (versionId != null) {
            throw notImplemented("If-Match");
        }
        return new DeleteConditions(ifMatch, false);
    }

    /** S3's refusal of a condition that only directory buckets implement. */
    static RestXmlError notImplemented(String header) {
        return new RestXmlError("NotImplemented", 501, "A header you provided implies functionality that is not"
                + " implemented").with("Header", header);
    }

    /** Whether an {@code If-Match} condition is set (the bypass is no condition). */
    boolean any() {
        return ifMatch != null;
    }

    /** The check, under the bucket's lock, against the key's current version. */
    void check(ObjectVersion latest, String key) {
        if (ifMatch == null) {
            return;
        }
        if (latest == null || latest.deleteMarker()) {
            throw S3Errors.noSuchKey(key);
        }
        if (!ReadConditions.etagMatches(ifMatch, latest.etag())) {
            throw S3Errors.preconditionFailed("If-Match");
        }
    }
}
