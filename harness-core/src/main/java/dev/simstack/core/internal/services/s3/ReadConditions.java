package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * GetObject's and HeadObject's conditional headers, in RFC 7232's order as S3 documents it: If-Match
 * (412), else If-Unmodified-Since (412); then If-None-Match (304), else If-Modified-Since (304). So a
 * matching If-Match wins over a failing If-Unmodified-Since, and a failing If-None-Match gives 304 even
 * if the object was modified since. Dates that do not parse are ignored, as S3 ignores them.
 */
final class ReadConditions {

    private ReadConditions() {
    }

    static void check(S3Call call, ObjectVersion version) {
        Instant modified = version.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = call.header("If-Match");
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, version.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        } else {
            Instant unmodifiedSince = S3Time.parseHttp(call.header("If-Unmodified-Since"));
            if (unmodifiedSince != null && modified.isAfter(unmodifiedSince)) {
                throw S3Errors.preconditionFailed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = call.header("If-None-Match");
        if (ifNoneMatch != null) {
            if (etagMatches(ifNoneMatch, version.etag())) {
                throw notModified(version);
            }
        } else {
            Instant modifiedSince = S3Time.parseHttp(call.header("If-Modified-Since"));
            if (modifiedSince != null && !modified.isAfter(modifiedSince)) {
                throw notModified(version);
            }
        }
    }

    private static RestXmlError notModified(ObjectVersion version) {
        return new RestXmlError("NotModified", 304, "Not Modified").withHeader("ETag", version.etag())
                .withHeader("Last-Modified", S3Time.http(version.lastModified()));
    }

    /** True if {@code header} ({@code *} or a comma-separated list of ETags, quoted or not) names {@code etag}. */
    static boolean etagMatches(String header, String etag) {
        if (etag == null) {
            return false;
        }
        String bare = unquote(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || unquote(c.startsWith("W/") ? c.substring(2) : c).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
