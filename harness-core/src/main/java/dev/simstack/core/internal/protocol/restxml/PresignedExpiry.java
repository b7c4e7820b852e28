package dev.simstack.core.internal.protocol.restxml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The one part of SigV4 query authentication SimStack checks: a presigned URL is valid from
 * {@code X-Amz-Date} for {@code X-Amz-Expires} seconds (at most a week), measured on the stack's clock, so
 * a test can advance a manual clock past the expiry. The signature itself is not verified.
 */
final class PresignedExpiry {

    /** SigV4 caps X-Amz-Expires at seven days. */
    private static final long MAX_EXPIRES = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private PresignedExpiry() {
    }

    /** Throws S3's error if {@code query} is a presigned URL's and it has expired at {@code now}. */
    static void check(Map<String, String> query, Instant now) {
        if (!query.containsKey("X-Amz-Credential") && !query.containsKey("X-Amz-Signature")) {
            return;
        }
        String date = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        if (date == null || expires == null) {
            throw queryError("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
                    + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        Instant signed;
        long seconds;
        try {
            signed = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
            seconds = Long.parseLong(expires);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw queryError("X-Amz-Date must be yyyyMMddTHHmmssZ and X-Amz-Expires a number of seconds.");
        }
        if (seconds < 0) {
            throw queryError("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_EXPIRES) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        Instant expiry = signed.plusSeconds(seconds);
        if (now.isAfter(expiry)) {
            throw new RestXmlError("AccessDenied", 403, "Request has expired")
                    .with("X-Amz-Expires", expires)
                    .with("Expires", expiry.toString())
                    .with("ServerTime", now.toString());
        }
    }

    private static RestXmlError queryError(String message) {
        return new RestXmlError("AuthorizationQueryParametersError", 400, message);
    }
}
