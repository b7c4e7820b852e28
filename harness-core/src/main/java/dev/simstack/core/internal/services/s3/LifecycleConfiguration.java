package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A bucket's lifecycle configuration: the document as it was put (GetBucketLifecycleConfiguration answers
 * it back) and its rules. Checked as S3 checks it: 1 to 1,000 rules, each with a status, a filter or prefix and
 * at least one action; unique IDs of at most 255 characters (a rule without one gets one); positive day
 * counts; Expiration dates at midnight GMT. Only current versions' {@code Expiration} is applied
 * ({@link LifecycleExpiry}); transitions, noncurrent-version actions, expired delete markers and aborting
 * incomplete uploads are stored, not applied.
 */
record LifecycleConfiguration(String xml, List<LifecycleRule> rules) {

    private static final int MAX_RULES = 1000;

    /** The earliest expiry of a version among the rules, and the rule that sets it. */
    record Expiry(Instant at, String ruleId) {

        /** {@code x-amz-expiration} as S3 writes it. */
        String header() {
            return "expiry-date=\"" + S3Time.http(at) + "\", rule-id=\"" + ruleId + "\"";
        }
    }

    static LifecycleConfiguration parse(byte[] body, Supplier<String> newId) {
        XmlReader document = XmlReader.parse(body, "LifecycleConfiguration");
        List<XmlReader> given = document.children("Rule");
        if (given.isEmpty() || given.size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        Set<String> ids = new HashSet<>();
        List<LifecycleRule> rules = new ArrayList<>();
        for (XmlReader rule : given) {
            String id = rule.text("ID") == null ? newId.get() : rule.text("ID");
            if (id.length() > 255) {
                throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255", "ID", id);
            }
            if (!ids.add(id)) {
                throw S3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule", "ID", id);
            }
            checkActions(rule);
            rules.add(LifecycleRule.parse(rule, id));
        }
        return new LifecycleConfiguration(new String(body, StandardCharsets.UTF_8), List.copyOf(rules));
    }

    /** The actions S3 stores and the engine does not apply are still checked. */
    private static void checkActions(XmlReader rule) {
        boolean any = false;
        for (String action : new String[] {"Expiration", "Transition", "NoncurrentVersionExpiration",
            "NoncurrentVersionTransition", "AbortIncompleteMultipartUpload"}) {
            any |= rule.child(action) != null;
        }
        if (!any) {
            throw new RestXmlError("InvalidRequest", 400, "At least one action needs to be specified in a rule");
        }
        XmlReader noncurrent = rule.child("NoncurrentVersionExpiration");
        if (noncurrent != null) {
            if (noncurrent.text("NoncurrentDays") == null && noncurrent.text("NewerNoncurrentVersions") == null) {
                throw S3Errors.malformedXml();
            }
            positive(noncurrent.text("NoncurrentDays"), "NoncurrentDays", "NoncurrentVersionExpiration");
        }
        XmlReader abort = rule.child("AbortIncompleteMultipartUpload");
        if (abort != null) {
            if (abort.text("DaysAfterInitiation") == null) {
                throw S3Errors.malformedXml();
            }
            positive(abort.text("DaysAfterInitiation"), "DaysAfterInitiation", "AbortIncompleteMultipartUpload");
        }
    }

    /** A day count S3 wants positive: null for none; not a number is MalformedXML. */
    static Integer positive(String text, String name, String action) {
        if (text == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
        if (value <= 0) {
            throw S3Errors.invalidArgument("'" + name + "' for " + action + " action must be a positive integer",
                    name, text);
        }
        return value;
    }

    /** The earliest expiry the enabled rules give {@code version}, or null if none expires it. */
    Expiry expiry(ObjectVersion version) {
        Expiry earliest = null;
        for (LifecycleRule rule : rules) {
            Instant at = rule.expiry(version);
            if (at != null && (earliest == null || at.isBefore(earliest.at()))) {
                earliest = new Expiry(at, rule.id());
            }
        }
        return earliest;
    }
}
