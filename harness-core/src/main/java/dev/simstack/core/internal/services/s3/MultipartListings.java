package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.util.ArrayList;
import java.util.List;

/** ListParts and ListMultipartUploads, paginated by part-number and key/upload-id markers. */
final class MultipartListings {

    private final S3Context s3;

    MultipartListings(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("ListParts", this::listParts);
        operations.put("ListMultipartUploads", this::listUploads);
    }

    private RestOutput listParts(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        MultipartUpload upload = MultipartActions.upload(bucket, call);
        int marker = call.query("part-number-marker") == null ? 0 : PartNumbers.parse(call.query("part-number-marker"));
        int max = limit(call, "max-parts");
        List<MultipartUpload.UploadedPart> parts;
        synchronized (bucket) {
            parts = new ArrayList<>(upload.parts().tailMap(marker, false).values());
        }
        boolean truncated = parts.size() > max;
        List<MultipartUpload.UploadedPart> page = truncated ? parts.subList(0, max) : parts;
        XmlWriter xml = XmlWriter.document("ListPartsResult").element("Bucket", bucket.name())
                .element("Key", upload.key()).element("UploadId", upload.uploadId())
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.isEmpty() ? null : page.get(page.size() - 1).number())
                .element("MaxParts", max).element("IsTruncated", truncated);
        for (MultipartUpload.UploadedPart part : page) {
            xml.start("Part").element("PartNumber", part.number())
                    .element("LastModified", S3Time.iso(part.lastModified())).element("ETag", part.etag())
                    .element("Size", part.blob().length());
            part.checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
            xml.end("Part");
        }
        xml.start("Initiator").element("ID", BucketActions.canonicalId(call)).end("Initiator");
        BucketActions.owner(xml, call);
        xml.element("StorageClass", upload.storageClass())
                .element("ChecksumAlgorithm", upload.checksumAlgorithm() == null ? null : upload.checksumAlgorithm())
                .element("ChecksumType", upload.checksumAlgorithm() == null ? null : upload.checksumType());
        return RestOutput.xml(xml.finish("ListPartsResult"));
    }

    /** One page of uploads: keys in S3's order, then initiation order; common prefixes count as one. */
    private record UploadPage(List<MultipartUpload> uploads, List<String> prefixes, boolean truncated) {
    }

    private RestOutput listUploads(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ListingParameters parameters = ListingParameters.of(call, "max-uploads");
        String keyMarker = call.query("key-marker");
        String uploadMarker = call.query("upload-id-marker");
        List<MultipartUpload> uploads;
        synchronized (bucket) {
            uploads = new ArrayList<>(bucket.uploads().values());
        }
        uploads.sort((a, b) -> {
            int byKey = KeyOrder.INSTANCE.compare(a.key(), b.key());
            return byKey != 0 ? byKey : a.initiated().compareTo(b.initiated());
        });
        UploadPage page = page(uploads, parameters, keyMarker, uploadMarker);
        MultipartUpload last = page.uploads().isEmpty() ? null : page.uploads().get(page.uploads().size() - 1);
        XmlWriter xml = XmlWriter.document("ListMultipartUploadsResult").element("Bucket", bucket.name())
                .element("KeyMarker", keyMarker == null ? "" : keyMarker)
                .element("UploadIdMarker", uploadMarker == null ? "" : uploadMarker)
                .element("NextKeyMarker", last == null ? null : parameters.encode(last.key()))
                .element("NextUploadIdMarker", last == null ? null : last.uploadId())
                .element("Prefix", parameters.encode(parameters.prefix()))
                .element("Delimiter", parameters.encode(parameters.delimiter()))
                .element("MaxUploads", parameters.maxKeys()).element("EncodingType", parameters.encodingType())
                .element("IsTruncated", page.truncated());
        for (MultipartUpload upload : page.uploads()) {
            xml.start("Upload").element("Key", parameters.encode(upload.key())).element("UploadId", upload.uploadId());
            xml.start("Initiator").element("ID", BucketActions.canonicalId(call)).end("Initiator");
            BucketActions.owner(xml, call);
            xml.element("StorageClass", upload.storageClass()).element("Initiated", S3Time.iso(upload.initiated()))
                    .element("ChecksumAlgorithm", upload.checksumAlgorithm()).end("Upload");
        }
        page.prefixes().forEach(p -> xml.start("CommonPrefixes").element("Prefix", parameters.encode(p))
                .end("CommonPrefixes"));
        return RestOutput.xml(xml.finish("ListMultipartUploadsResult"));
    }

    /** Uploads after key-marker and, within that key, after upload-id-marker (without one, the key is passed). */
    private static UploadPage page(List<MultipartUpload> sorted, ListingParameters parameters, String keyMarker,
            String uploadMarker) {
        boolean marked = keyMarker != null && !keyMarker.isEmpty();
        int markerIndex = -1;
        for (int i = 0; marked && uploadMarker != null && i < sorted.size(); i++) {
            if (sorted.get(i).key().equals(keyMarker) && sorted.get(i).uploadId().equals(uploadMarker)) {
                markerIndex = i;
            }
        }
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            MultipartUpload upload = sorted.get(i);
            int order = marked ? KeyOrder.INSTANCE.compare(upload.key(), keyMarker) : 1;
            if (order < 0 || (order == 0 && (markerIndex < 0 || i <= markerIndex))
                    || !upload.key().startsWith(parameters.prefix())) {
                continue;
            }
            String common = parameters.commonPrefix(upload.key());
            if (common != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common)) {
                continue;
            }
            if (uploads.size() + prefixes.size() >= parameters.maxKeys()) {
                return new UploadPage(uploads, prefixes, true);
            }
            if (common != null) {
                prefixes.add(common);
            } else {
                uploads.add(upload);
            }
        }
        return new UploadPage(uploads, prefixes, false);
    }

    private static int limit(S3Call call, String name) {
        String text = call.query(name);
        if (text == null) {
            return 1000;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return Math.min(value, 1000);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, text);
    }
}
