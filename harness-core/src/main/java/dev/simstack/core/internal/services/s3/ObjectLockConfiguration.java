package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A bucket's Object Lock configuration: enabled, with an optional default retention that new object
 * versions get when their write names none ("Bucket configuration" of S3's Object Lock guide).
 *
 * @param mode the default retention mode, GOVERNANCE or COMPLIANCE; null without a default rule
 * @param days the default period in days, or null
 * @param years the default period in years, or null
 */
record ObjectLockConfiguration(String mode, Integer days, Integer years) {

    static final ObjectLockConfiguration ENABLED = new ObjectLockConfiguration(null, null, null);
    static final Set<String> MODES = Set.of("GOVERNANCE", "COMPLIANCE");

    /**
     * PutObjectLockConfiguration's document, checked as S3 checks it: {@code ObjectLockEnabled} must be
     * {@code Enabled}, a rule needs a mode and exactly one of Days and Years (MalformedXML), a positive one.
     */
    static ObjectLockConfiguration parse(byte[] body) {
        XmlReader document = XmlReader.parse(body, "ObjectLockConfiguration");
        if (!"Enabled".equals(document.text("ObjectLockEnabled"))) {
            throw S3Errors.malformedXml();
        }
        XmlReader rule = document.child("Rule");
        if (rule == null) {
            return ENABLED;
        }
        XmlReader retention = rule.child("DefaultRetention");
        if (retention == null || !MODES.contains(String.valueOf(retention.text("Mode")))
                || (retention.text("Days") == null) == (retention.text("Years") == null)) {
            throw S3Errors.malformedXml();
        }
        String unit = retention.text("Days") != null ? "Days" : "Years";
        int period = positive(unit, retention.text(unit));
        return new ObjectLockConfiguration(retention.text("Mode"), unit.equals("Days") ? period : null,
                unit.equals("Years") ? period : null);
    }

    private static int positive(String unit, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
        throw S3Errors.invalidArgument("Default retention period must be a positive integer value", unit, text);
    }

    /** The retention a new version written {@code at} gets by default, or null without a default rule. */
    ObjectLocks.Retention defaultRetention(Instant at) {
        if (mode == null) {
            return null;
        }
        Instant until = days != null ? at.plusSeconds(days * 86_400L)
                : at.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
        return new ObjectLocks.Retention(mode, until);
    }

    String toXml() {
        XmlWriter xml = XmlWriter.document("ObjectLockConfiguration").element("ObjectLockEnabled", "Enabled");
        if (mode != null) {
            xml.start("Rule").start("DefaultRetention").element("Mode", mode).element("Days", days)
                    .element("Years", years).end("DefaultRetention").end("Rule");
        }
        return xml.finish("ObjectLockConfiguration");
    }
}
