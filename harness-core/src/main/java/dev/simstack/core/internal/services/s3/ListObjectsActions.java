package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListObjectsV2 (continuation tokens, start-after, KeyCount, fetch-owner) and the original ListObjects
 * (marker, NextMarker only when a delimiter is given, owners always), over {@link KeyListing}.
 */
final class ListObjectsActions {

    private final S3Context s3;

    ListObjectsActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("ListObjectsV2", this::listV2);
        operations.put("ListObjects", this::listV1);
    }

    private RestOutput listV2(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ListingParameters parameters = ListingParameters.of(call, "max-keys");
        String token = call.query("continuation-token");
        String startAfter = call.query("start-after");
        String after = token != null ? decodeToken(token) : startAfter;
        KeyListing page;
        synchronized (bucket) {
            page = KeyListing.page(bucket.keys(), parameters, after);
        }
        boolean owners = "true".equals(call.query("fetch-owner"));
        XmlWriter xml = XmlWriter.document("ListBucketResult").element("Name", bucket.name())
                .element("Prefix", parameters.encode(parameters.prefix()))
                .element("Delimiter", parameters.encode(parameters.delimiter()))
                .element("MaxKeys", parameters.maxKeys()).element("EncodingType", parameters.encodingType())
                .element("KeyCount", page.contents().size() + page.commonPrefixes().size())
                .element("IsTruncated", page.truncated()).element("ContinuationToken", token)
                .element("NextContinuationToken", page.truncated() ? encodeToken(page.last()) : null)
                .element("StartAfter", parameters.encode(startAfter));
        write(xml, page, parameters, owners ? call : null);
        return RestOutput.xml(xml.finish("ListBucketResult"));
    }

    private RestOutput listV1(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ListingParameters parameters = ListingParameters.of(call, "max-keys");
        String marker = call.query("marker");
        KeyListing page;
        synchronized (bucket) {
            page = KeyListing.page(bucket.keys(), parameters, marker == null || marker.isEmpty() ? null : marker);
        }
        XmlWriter xml = XmlWriter.document("ListBucketResult").element("Name", bucket.name())
                .element("Prefix", parameters.encode(parameters.prefix()))
                .element("Marker", parameters.encode(marker == null ? "" : marker))
                .element("NextMarker", page.truncated() && parameters.delimiter() != null
                        ? parameters.encode(page.last()) : null)
                .element("MaxKeys", parameters.maxKeys())
                .element("Delimiter", parameters.encode(parameters.delimiter()))
                .element("EncodingType", parameters.encodingType())
                .element("IsTruncated", page.truncated());
        write(xml, page, parameters, call);
        return RestOutput.xml(xml.finish("ListBucketResult"));
    }

    private static void write(XmlWriter xml, KeyListing page, ListingParameters parameters, S3Call owner) {
        for (ObjectVersion version : page.contents()) {
            xml.start("Contents").element("Key", parameters.encode(version.key()))
                    .element("LastModified", S3Time.iso(version.lastModified())).element("ETag", version.etag());
            version.content().checksums().keySet().forEach(a -> xml.element("ChecksumAlgorithm", a.name()));
            xml.element("ChecksumType", version.content().checksums().isEmpty() ? null
                    : version.content().checksumType());
            xml.element("Size", version.size()).element("StorageClass", version.content().storageClass());
            if (owner != null) {
                BucketActions.owner(xml, owner);
            }
            xml.end("Contents");
        }
        for (String prefix : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", parameters.encode(prefix)).end("CommonPrefixes");
        }
    }

    static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + last).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:")) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
}
