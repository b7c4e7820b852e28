package dev.simstack.core.internal.protocol;

/**
 * The credential scope of a SigV4-signed request: who signed, for which region and service. The
 * signature itself is not verified (any credentials are accepted, as in LocalStack).
 *
 * @param accessKeyId the access key id, or null when unsigned
 * @param region the signing region, or null when unsigned
 * @param service the signing service name, or null when unsigned
 */
public record SigV4Scope(String accessKeyId, String region, String service) {

    private static final SigV4Scope UNSIGNED = new SigV4Scope(null, null, null);

    /** Reads the scope from an {@code Authorization} header or an {@code X-Amz-Credential} parameter. */
    public static SigV4Scope of(HttpExchange exchange) {
        String authorization = exchange.headers().get("Authorization");
        String credential = null;
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
            }
        } else {
            credential = exchange.queryParam("X-Amz-Credential");
        }
        if (credential == null) {
            return UNSIGNED;
        }
        // AKID/yyyymmdd/region/service/aws4_request
        String[] parts = credential.trim().split("/", -1);
        if (parts.length < 5) {
            // A malformed scope names no region or service; the request is answered as unsigned.
            return new SigV4Scope(parts[0].isEmpty() ? null : parts[0], null, null);
        }
        return new SigV4Scope(emptyToNull(parts[0]), emptyToNull(parts[2]), emptyToNull(parts[3]));
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
