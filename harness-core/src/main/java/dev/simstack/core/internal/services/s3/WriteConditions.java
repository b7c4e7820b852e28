package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * S3's conditional writes ("Add preconditions to S3 operations with conditional requests"):
 * {@code If-None-Match: *} writes only if the key has no current object, {@code If-Match: etag} only if
 * the current object has that ETag. Checked before the body is read (412 PreconditionFailed), and again
 * when the write commits: if a concurrent write changed the key meanwhile so that the condition no longer
 * holds, the write fails with 409 ConditionalRequestConflict, as S3 answers that race.
 */
record WriteConditions(String ifMatch, String ifNoneMatch) {

    static WriteConditions of(S3Call call) {
        String ifNoneMatch = call.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw new RestXmlError("NotImplemented", 501, "A header you provided implies functionality that is not"
                    + " implemented").with("Header", "If-None-Match");
        }
        return new WriteConditions(call.header("If-Match"), ifNoneMatch);
    }

    boolean any() {
        return ifMatch != null || ifNoneMatch != null;
    }

    /** The check before the body is read. */
    void checkBefore(ObjectVersion latest, String key) {
        String failed = failure(latest, key);
        if (failed != null) {
            throw S3Errors.preconditionFailed(failed);
        }
    }

    /** The check at commit, under the bucket's lock. */
    void checkAtCommit(ObjectVersion latest, String key) {
        if (failure(latest, key) != null) {
            throw S3Errors.conditionalRequestConflict();
        }
    }

    private String failure(ObjectVersion latest, String key) {
        boolean exists = latest != null && !latest.deleteMarker();
        if (ifNoneMatch != null && exists) {
            return "If-None-Match";
        }
        if (ifMatch != null) {
            if (!exists) {
                throw S3Errors.noSuchKey(key);
            }
            if (!ReadConditions.etagMatches(ifMatch, latest.etag())) {
                return "If-Match";
            }
        }
        return null;
    }
}
