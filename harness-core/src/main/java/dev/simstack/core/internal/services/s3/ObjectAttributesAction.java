package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GetObjectAttributes: the attributes named in {@code x-amz-object-attributes} (ETag, Checksum,
 * ObjectParts, StorageClass, ObjectSize) of the current or a given version, without its bytes.
 */
final class ObjectAttributesAction {

    private static final Set<String> KNOWN = Set.of("etag", "checksum", "objectparts", "storageclass", "objectsize");

    private final S3Context s3;

    ObjectAttributesAction(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("GetObjectAttributes", this::attributes);
    }

    private RestOutput attributes(S3Call call) {
        Set<String> wanted = wanted(call.header("x-amz-object-attributes"));
        Bucket bucket = s3.store().bucket(call.bucket());
        ObjectVersion version;
        synchronized (bucket) {
            version = VersionLookup.find(bucket, call.key(), call.query("versionId"));
        }
        ObjectVersion.StoredContent content = version.content();
        XmlWriter xml = XmlWriter.document("GetObjectAttributesResponse");
        if (wanted.contains("etag")) {
            xml.element("ETag", ReadConditions.unquote(content.etag()));
        }
        if (wanted.contains("checksum") && !content.checksums().isEmpty()) {
            xml.start("Checksum");
            content.checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
            xml.element("ChecksumType", content.checksumType()).end("Checksum");
        }
        if (wanted.contains("objectparts") && !content.parts().isEmpty()) {
            parts(xml, content.parts(), call);
        }
        if (wanted.contains("storageclass")) {
            xml.element("StorageClass", content.storageClass());
        }
        if (wanted.contains("objectsize")) {
            xml.element("ObjectSize", version.size());
        }
        return RestOutput.xml(xml.finish("GetObjectAttributesResponse"))
                .header("Last-Modified", S3Time.http(version.lastModified()))
                .header("x-amz-version-id", bucket.versioning() == null ? null : version.versionId());
    }

    private static Set<String> wanted(String header) {
        if (header == null || header.isBlank()) {
            throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", "");
        }
        Set<String> wanted = new HashSet<>();
        for (String name : header.split(",")) {
            String attribute = name.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(attribute)) {
                throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", name);
            }
            wanted.add(attribute);
        }
        return wanted;
    }

    private static void parts(XmlWriter xml, List<ObjectVersion.Part> parts, S3Call call) {
        int marker = call.header("x-amz-part-number-marker") == null ? 0
                : PartNumbers.parse(call.header("x-amz-part-number-marker"));
        int max = call.header("x-amz-max-parts") == null ? 1000 : PartNumbers.parse(call.header("x-amz-max-parts"));
        int end = Math.min(parts.size(), marker + max);
        xml.start("ObjectParts").element("TotalPartsCount", parts.size()).element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", end).element("MaxParts", max)
                .element("IsTruncated", end < parts.size());
        for (int i = marker; i < end; i++) {
            xml.start("Part").element("PartNumber", i + 1).element("Size", parts.get(i).length());
            parts.get(i).checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
            xml.end("Part");
        }
        xml.end("ObjectParts");
    }
}
