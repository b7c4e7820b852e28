package dev.simstack.core.internal.services.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** S3's two time formats: ISO 8601 with milliseconds in XML, RFC 1123 in headers. */
final class S3Time {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private S3Time() {
    }

    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    static String http(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant.truncatedTo(
                ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** An HTTP date header, or null if it does not parse (S3 then ignores the condition). */
    static Instant parseHttp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
