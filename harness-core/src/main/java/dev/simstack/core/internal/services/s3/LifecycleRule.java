package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.XmlReader;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle rule as the engine applies it: whether it is enabled, which objects its filter selects
 * (key prefix, tags, size bounds) and when its {@code Expiration} action expires them (a number of days
 * after the write, rounded up to the next midnight UTC as S3 does, or a date). Its other actions are
 * checked by {@link LifecycleConfiguration} and stored, not applied.
 *
 * @param days Expiration's Days, or null
 * @param date Expiration's Date, or null
 */
record LifecycleRule(String id, boolean enabled, String prefix, Map<String, String> tags, Long sizeGreaterThan,
        Long sizeLessThan, Integer days, Instant date) {

    /** Reads one {@code <Rule>}, with S3's checks of its filter and its Expiration. */
    static LifecycleRule parse(XmlReader rule, String id) {
        String status = rule.text("Status");
        if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
            throw S3Errors.malformedXml();
        }
        XmlReader filter = rule.child("Filter");
        String legacyPrefix = rule.text("Prefix");
        if ((filter == null) == (legacyPrefix == null)) {
            throw S3Errors.malformedXml(); // one of Filter and the older top-level Prefix, not both
        }
        Map<String, String> tags = new LinkedHashMap<>();
        String prefix = legacyPrefix;
        Long greater = null;
        Long less = null;
        if (filter != null) {
            long predicates = List.of("Prefix", "Tag", "And", "ObjectSizeGreaterThan", "ObjectSizeLessThan").stream()
                    .filter(name -> filter.child(name) != null).count();
            if (predicates > 1) {
                throw S3Errors.malformedXml(); // several predicates go inside <And>
            }
            XmlReader predicate = filter.child("And") != null ? filter.child("And") : filter;
            prefix = predicate.text("Prefix");
            for (XmlReader tag : predicate.children("Tag")) {
                if (tag.text("Key") == null || tag.text("Value") == null || tags.put(tag.text("Key"),
                        tag.text("Value")) != null) {
                    throw S3Errors.malformedXml();
                }
            }
            greater = size(predicate.text("ObjectSizeGreaterThan"));
            less = size(predicate.text("ObjectSizeLessThan"));
        }
        XmlReader expiration = rule.child("Expiration");
        Integer days = null;
        Instant date = null;
        if (expiration != null) {
            long given = List.of("Days", "Date", "ExpiredObjectDeleteMarker").stream()
                    .filter(name -> expiration.text(name) != null).count();
            if (given != 1) {
                throw S3Errors.malformedXml();
            }
            days = LifecycleConfiguration.positive(expiration.text("Days"), "Days", "Expiration");
            date = date(expiration.text("Date"));
        }
        return new LifecycleRule(id, status.equals("Enabled"), prefix == null ? "" : prefix, Map.copyOf(tags),
                greater, less, days, date);
    }

    private static Long size(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
    }

    /** An Expiration date: ISO 8601, at midnight GMT ("'Date' must be at midnight GMT"). */
    private static Instant date(String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime date;
        try {
            date = OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw S3Errors.malformedXml();
        }
        if (!date.toLocalTime().equals(LocalTime.MIDNIGHT) || !date.getOffset().equals(ZoneOffset.UTC)) {
            throw S3Errors.invalidArgument("'Date' must be at midnight GMT", "Date", text);
        }
        return date.toInstant();
    }

    /** Whether this enabled rule's filter selects {@code version} (a current object, not a delete marker). */
    boolean selects(ObjectVersion version) {
        if (!enabled || version.deleteMarker() || !version.key().startsWith(prefix)) {
            return false;
        }
        Map<String, String> objectTags = version.tags().get();
        if (!tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(objectTags.get(tag.getKey())))) {
            return false;
        }
        return (sizeGreaterThan == null || version.size() > sizeGreaterThan)
                && (sizeLessThan == null || version.size() < sizeLessThan);
    }

    /**
     * When this rule expires {@code version}, or null if it does not: Days after the write, rounded up to
     * the next midnight UTC ("Lifecycle configuration elements: Days"), or the rule's date.
     */
    Instant expiry(ObjectVersion version) {
        if ((days == null && date == null) || !selects(version)) {
            return null;
        }
        if (date != null) {
            return date;
        }
        return version.lastModified().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }
}
