package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3 tag sets: read from a {@code <Tagging><TagSet><Tag>} document or an {@code x-amz-tagging} header
 * (URL-query form), checked against S3's rules in S3's order and with its answers: at most 10 tags on an
 * object (400 BadRequest) and 50 on a bucket; each key unique, 1-128 and each value 0-256 characters of
 * letters, digits, spaces and {@code + - = . _ : / @} (400 InvalidTag naming the key); no key with the
 * {@code aws:} prefix, which is reserved for system tags (InvalidTag, worded for objects or buckets).
 */
final class TagSet {

    static final int OBJECT_LIMIT = 10;
    static final int BUCKET_LIMIT = 50;
    private static final String HEADER_RULE = "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded"
            + " URL query parameters without tag name duplicates.";

    private TagSet() {
    }

    static Map<String, String> fromXml(byte[] body, int limit) {
        XmlReader tagging = XmlReader.parse(body, "Tagging");
        XmlReader set = tagging.child("TagSet");
        if (set == null) {
            throw S3Errors.malformedXml();
        }
        List<XmlReader> given = set.children("Tag");
        if (limit == OBJECT_LIMIT && given.size() > OBJECT_LIMIT) {
            throw tooManyObjectTags();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (XmlReader tag : given) {
            String key = tag.text("Key");
            String value = tag.text("Value");
            if (key == null || value == null) {
                throw S3Errors.malformedXml();
            }
            checkTag(key, value);
            if (tags.put(key, value) != null) {
                throw invalidTag("Cannot provide multiple Tags with the same key").with("TagKey", key);
            }
        }
        return checkReserved(tags, limit);
    }

    /** The tags of an {@code x-amz-tagging} header, e.g. {@code a=1&b=2}; empty for null. */
    static Map<String, String> fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        QueryStringDecoder decoder = new QueryStringDecoder(header, StandardCharsets.UTF_8, false);
        for (Map.Entry<String, List<String>> entry : decoder.parameters().entrySet()) {
            if (entry.getValue().size() > 1 || entry.getKey().isEmpty()) {
                throw S3Errors.invalidArgument(HEADER_RULE, "x-amz-tagging", header);
            }
            tags.put(entry.getKey(), entry.getValue().get(0));
        }
        if (tags.size() > OBJECT_LIMIT) {
            throw tooManyObjectTags();
        }
        tags.forEach(TagSet::checkTag);
        return checkReserved(tags, OBJECT_LIMIT);
    }

    private static void checkTag(String key, String value) {
        if (!valid(key, 1, 128)) {
            throw invalidTag("The TagKey you have provided is invalid").with("TagKey", key);
        }
        if (!valid(value, 0, 256)) {
            throw invalidTag("The TagValue you have provided is invalid").with("TagKey", key).with("TagValue", value);
        }
    }

    /** S3 counts UTF-16 code units, so a letter outside the BMP counts twice, as {@code String.length} does. */
    private static boolean valid(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.LETTER_NUMBER || Character.getType(c) == Character.OTHER_NUMBER
                || "+-=._:/@".indexOf(c) >= 0);
    }

    private static Map<String, String> checkReserved(Map<String, String> tags, int limit) {
        if (limit == BUCKET_LIMIT && tags.size() > BUCKET_LIMIT) {
            throw invalidTag("Bucket tag count cannot be greater than 50");
        }
        for (String key : tags.keySet()) {
            if (key.startsWith("aws:")) {
                throw limit == OBJECT_LIMIT ? invalidTag("Your TagKey cannot be prefixed with aws:").with("TagKey", key)
                        : invalidTag("System tags cannot be added/updated by requester").with("TagKey", key);
            }
        }
        return tags;
    }

    private static RestXmlError tooManyObjectTags() {
        return new RestXmlError("BadRequest", 400, "Object tags cannot be greater than 10");
    }

    private static RestXmlError invalidTag(String message) {
        return new RestXmlError("InvalidTag", 400, message);
    }

    static String toXml(Map<String, String> tags) {
        XmlWriter xml = XmlWriter.document("Tagging").start("TagSet");
        tags.forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end("Tag"));
        return xml.end("TagSet").finish("Tagging");
    }
}
