package dev.simstack.core.internal.protocol;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Which wire protocol a request speaks, told from its head alone (headers, query, path), so the front
 * door can decide how to read the body before any of it arrives and the router can pick a codec.
 */
public final class WireProtocols {

    /** How a SigV4 credential scope for S3 ends: {@code AKID/date/region/s3/aws4_request}. */
    private static final String S3_SCOPE = "/s3/aws4_request";

    private WireProtocols() {
    }

    /**
     * True if a request speaks AWS JSON ({@code X-Amz-Target}) or AWS Query (a form body or an
     * {@code Action} parameter); the front door aggregates these and streams the others (S3) aside.
     */
    public static boolean isJsonOrQuery(HttpHeaders headers, Map<String, List<String>> query) {
        if (headers.contains("X-Amz-Target")) {
            return true;
        }
        if (signedForS3(headers, query)) {
            return false; // an S3 object may well be uploaded with a form Content-Type
        }
        String contentType = headers.get("Content-Type");
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        return query.containsKey("Action");
    }

    /**
     * True if a REST request may be S3's: not an API invocation path, and signed for {@code s3} or not
     * signed. The front door hashes only these bodies as they arrive (S3 needs their MD5 for the ETag).
     */
    public static boolean mayBeS3(String path, HttpHeaders headers, Map<String, List<String>> query) {
        if (isApiInvocation(path)) {
            return false;
        }
        boolean signed = headers.contains("Authorization") || query.containsKey("X-Amz-Credential");
        return !signed || signedForS3(headers, query);
    }

    /** An invocation of a deployed API: {@code /_aws/execute-api/...} or LocalStack's {@code _user_request_} path. */
    public static boolean isApiInvocation(String path) {
        return path.startsWith("/_aws/execute-api/")
                || (path.startsWith("/restapis/") && path.contains("/_user_request_"));
    }

    private static boolean signedForS3(HttpHeaders headers, Map<String, List<String>> query) {
        String authorization = headers.get("Authorization");
        if (authorization != null) {
            return authorization.contains(S3_SCOPE);
        }
        List<String> credential = query.get("X-Amz-Credential");
        return credential != null && !credential.isEmpty() && credential.get(0).endsWith(S3_SCOPE);
    }
}
