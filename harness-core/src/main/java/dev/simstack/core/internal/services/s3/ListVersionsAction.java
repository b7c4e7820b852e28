package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListObjectVersions: every version and delete marker, keys in S3's order and each key's versions newest
 * first, resuming after {@code key-marker} (and, within that key, after {@code version-id-marker}).
 */
final class ListVersionsAction {

    private final S3Context s3;

    ListVersionsAction(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("ListObjectVersions", this::list);
    }

    private record Page(List<ObjectVersion> entries, List<String> latest, List<String> prefixes, boolean truncated) {
    }

    private RestOutput list(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ListingParameters parameters = ListingParameters.of(call, "max-keys");
        String keyMarker = emptyToNull(call.query("key-marker"));
        String versionMarker = emptyToNull(call.query("version-id-marker"));
        if (versionMarker != null && keyMarker == null) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.",
                    "version-id-marker", versionMarker);
        }
        Page page;
        synchronized (bucket) {
            page = page(bucket.keys(), parameters, keyMarker, versionMarker);
        }
        XmlWriter xml = XmlWriter.document("ListVersionsResult").element("Name", bucket.name())
                .element("Prefix", parameters.encode(parameters.prefix()))
                .element("KeyMarker", parameters.encode(keyMarker == null ? "" : keyMarker))
                .element("VersionIdMarker", versionMarker == null ? "" : versionMarker);
        if (page.truncated()) {
            nextMarkers(xml, page, parameters);
        }
        xml.element("MaxKeys", parameters.maxKeys()).element("Delimiter", parameters.encode(parameters.delimiter()))
                .element("EncodingType", parameters.encodingType()).element("IsTruncated", page.truncated());
        entries(xml, page, parameters, call);
        page.prefixes().forEach(p -> xml.start("CommonPrefixes").element("Prefix", parameters.encode(p))
                .end("CommonPrefixes"));
        return RestOutput.xml(xml.finish("ListVersionsResult"));
    }

    /** Where the next page starts: after the last version listed, or after the last common prefix. */
    private static void nextMarkers(XmlWriter xml, Page page, ListingParameters parameters) {
        ObjectVersion lastEntry = page.entries().isEmpty() ? null : page.entries().get(page.entries().size() - 1);
        String lastPrefix = page.prefixes().isEmpty() ? null : page.prefixes().get(page.prefixes().size() - 1);
        boolean prefixLast = lastPrefix != null && (lastEntry == null
                || KeyOrder.INSTANCE.compare(lastPrefix, lastEntry.key()) > 0);
        xml.element("NextKeyMarker", parameters.encode(prefixLast ? lastPrefix : lastEntry.key()))
                .element("NextVersionIdMarker", prefixLast ? null : lastEntry.versionId());
    }

    private static void entries(XmlWriter xml, Page page, ListingParameters parameters, S3Call call) {
        for (int i = 0; i < page.entries().size(); i++) {
            ObjectVersion version = page.entries().get(i);
            String element = version.deleteMarker() ? "DeleteMarker" : "Version";
            xml.start(element).element("Key", parameters.encode(version.key()))
                    .element("VersionId", version.versionId())
                    .element("IsLatest", page.latest().get(i) != null)
                    .element("LastModified", S3Time.iso(version.lastModified()));
            if (!version.deleteMarker()) {
                xml.element("ETag", version.etag()).element("Size", version.size())
                        .element("StorageClass", version.content().storageClass());
            }
            BucketActions.owner(xml, call);
            xml.end(element);
        }
    }

    /** {@code latest} holds a non-null marker at the index of each entry that is its key's newest version. */
    private static Page page(VersionedKeys keys, ListingParameters parameters, String keyMarker,
            String versionMarker) {
        List<ObjectVersion> entries = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String start = keyMarker != null && KeyOrder.INSTANCE.compare(keyMarker, parameters.prefix()) > 0 ? keyMarker
                : parameters.prefix();
        boolean resumeInsideKey = versionMarker != null;
        for (Map.Entry<String, List<ObjectVersion>> entry : keys.from(start, true).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(parameters.prefix())) {
                break;
            }
            boolean markerKey = key.equals(keyMarker);
            if (markerKey && !resumeInsideKey) {
                continue;
            }
            String common = parameters.commonPrefix(key);
            if (common != null) {
                boolean seen = !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common);
                if (seen || (keyMarker != null && keyMarker.startsWith(common) && keyMarker.equals(common))) {
                    continue;
                }
                if (entries.size() + prefixes.size() >= parameters.maxKeys()) {
                    return new Page(entries, latest, prefixes, true);
                }
                prefixes.add(common);
                continue;
            }
            List<ObjectVersion> versions = entry.getValue();
            boolean skipping = markerKey;
            for (int i = 0; i < versions.size(); i++) {
                ObjectVersion version = versions.get(i);
                if (skipping) {
                    skipping = !version.versionId().equals(versionMarker);
                    continue;
                }
                if (entries.size() + prefixes.size() >= parameters.maxKeys()) {
                    return new Page(entries, latest, prefixes, true);
                }
                entries.add(version);
                latest.add(i == 0 ? "latest" : null);
            }
        }
        return new Page(entries, latest, prefixes, false);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
