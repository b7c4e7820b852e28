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
 * (URL-query form), checked against S3's limits (10 tags per object, 50 per bucket, keys up to 128 and
 * values up to 256 characters, keys unique), and written back.
 */
final class TagSet {

    static final int OBJECT_LIMIT = 10;
    static final int BUCKET_LIMIT = 50;

    private TagSet() {
    }

    static Map<String, String> fromXml(byte[] body, int limit) {
        XmlReader tagging = XmlReader.parse(body, "Tagging");
        XmlReader set = tagging.child("TagSet");
        if (set == null) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (XmlReader tag : set.children("Tag")) {
            String key = tag.requiredText("Key");
            if (tags.put(key, tag.requiredText("Value")) != null) {
                throw invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return check(tags, limit);
    }

    /** The tags of an {@code x-amz-tagging} header, e.g. {@code a=1&b=2}; empty for null. */
    static Map<String, String> fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        QueryStringDecoder decoder = new QueryStringDecoder(header, StandardCharsets.UTF_8, false);
        for (Map.Entry<String, List<String>> entry : decoder.parameters().entrySet()) {
            if (entry.getValue().size() > 1) {
                throw invalidTag("Cannot provide multiple Tags with the same key");
            }
            tags.put(entry.getKey(), entry.getValue().get(0));
        }
        return check(tags, OBJECT_LIMIT);
    }

    private static Map<String, String> check(Map<String, String> tags, int limit) {
        if (tags.size() > limit) {
            throw invalidTag(limit == OBJECT_LIMIT ? "Object tags cannot be greater than 10"
                    : "Bucket tag count cannot be greater than 50");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw invalidTag("The TagKey you have provided is invalid");
            }
            if (tag.getValue().length() > 256) {
                throw invalidTag("The TagValue you have provided is invalid");
            }
        }
        return tags;
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
