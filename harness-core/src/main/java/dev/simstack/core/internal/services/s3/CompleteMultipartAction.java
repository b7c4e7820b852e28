package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CompleteMultipartUpload: checks the part list as S3 does (ascending part numbers: InvalidPartOrder;
 * every part uploaded with that ETag: InvalidPart; every part but the last at least 5 MiB:
 * EntityTooSmall), joins the parts into one object whose ETag is the MD5 of the parts' MD5s with
 * {@code -N} appended, and whose checksum is the checksum of the part checksums ({@code -N}, COMPOSITE) or
 * of the whole object (FULL_OBJECT).
 */
final class CompleteMultipartAction {

    /** S3's minimum size of every part but the last. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Context s3;
    private final ObjectWrites writes;

    CompleteMultipartAction(S3Context s3) {
        this.s3 = s3;
        this.writes = new ObjectWrites(s3);
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("CompleteMultipartUpload", this::complete);
    }

    private RestOutput complete(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        XmlReader document = XmlReader.parse(call.payload().readAll(), "CompleteMultipartUpload");
        List<XmlReader> requested = document.children("Part");
        if (requested.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        WriteConditions conditions = WriteConditions.of(call);
        MultipartUpload upload = MultipartActions.upload(bucket, call);
        List<MultipartUpload.UploadedPart> parts;
        synchronized (bucket) {
            writes.checkBefore(bucket, call.key(), conditions, ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, call.requester());
            parts = chosenParts(upload, requested);
            // Claimed: a concurrent Complete, Abort or UploadPart now finds no such upload.
            bucket.uploads().remove(upload.uploadId());
        }
        ObjectVersion.StoredContent content;
        try {
            content = join(upload, parts);
        } finally {
            upload.release();
        }
        ObjectVersion version = writes.commit(bucket, call.key(), content, upload.tags(), conditions, call.requester(),
                ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, "CompleteMultipartUpload");
        XmlWriter xml = XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", "http://" + (call.host() == null ? "localhost" : call.host()) + "/"
                        + bucket.name() + "/" + call.key())
                .element("Bucket", bucket.name()).element("Key", call.key()).element("ETag", content.etag());
        content.checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
        xml.element("ChecksumType", content.checksums().isEmpty() ? null : content.checksumType());
        RestOutput out = RestOutput.xml(xml.finish("CompleteMultipartUploadResult"))
                .header("x-amz-version-id", ObjectWrites.versionHeader(bucket, version));
        ObjectEncryption.answer(version.content().headers(), out);
        return out;
    }

    /** S3's checks in S3's order: part order first, then each part's presence and ETag, then sizes. */
    private static List<MultipartUpload.UploadedPart> chosenParts(MultipartUpload upload, List<XmlReader> requested) {
        int previous = 0;
        for (XmlReader part : requested) {
            int number = PartNumbers.parse(part.requiredText("PartNumber"));
            if (number <= previous) {
                throw new RestXmlError("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts"
                        + " must be ordered by part number.").with("UploadId", upload.uploadId());
            }
            previous = number;
        }
        List<MultipartUpload.UploadedPart> parts = new ArrayList<>(requested.size());
        for (XmlReader part : requested) {
            int number = PartNumbers.parse(part.requiredText("PartNumber"));
            String etag = part.requiredText("ETag");
            MultipartUpload.UploadedPart uploaded = upload.parts().get(number);
            if (uploaded == null || !ReadConditions.unquote(uploaded.etag()).equals(ReadConditions.unquote(etag))
                    || !checksumsAgree(part, uploaded)) {
                throw new RestXmlError("InvalidPart", 400, "One or more of the specified parts could not be found."
                        + "  The part may not have been uploaded, or the specified entity tag may not match the part's"
                        + " entity tag.").with("UploadId", upload.uploadId()).with("PartNumber", number)
                        .with("ETag", etag);
            }
            parts.add(uploaded);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            MultipartUpload.UploadedPart part = parts.get(i);
            if (part.blob().length() < MIN_PART_SIZE) {
                throw new RestXmlError("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum"
                        + " allowed object size.").with("ProposedSize", part.blob().length())
                        .with("MinSizeAllowed", MIN_PART_SIZE).with("PartNumber", part.number())
                        .with("ETag", part.etag());
            }
        }
        return parts;
    }

    private static boolean checksumsAgree(XmlReader requested, MultipartUpload.UploadedPart uploaded) {
        for (Map.Entry<ChecksumAlgorithm, String> checksum : uploaded.checksums().entrySet()) {
            String given = requested.text(checksum.getKey().element());
            if (given != null && !given.equals(checksum.getValue())) {
                return false;
            }
        }
        return true;
    }

    private ObjectVersion.StoredContent join(MultipartUpload upload, List<MultipartUpload.UploadedPart> parts) {
        ChecksumAlgorithm algorithm = upload.checksumAlgorithm();
        boolean fullObject = algorithm != null && upload.checksumType().equals("FULL_OBJECT");
        Set<ChecksumAlgorithm> whole = fullObject ? EnumSet.of(algorithm) : EnumSet.noneOf(ChecksumAlgorithm.class);
        Iterator<MultipartUpload.UploadedPart> each = parts.iterator();
        InputStream joined = new SequenceInputStream(Collections.enumeration(parts.stream()
                .map(part -> part.blob().open()).toList()));
        BlobWriter.Written written = s3.blobs().write(joined, whole,
                parts.stream().mapToLong(part -> part.blob().length()).sum());
        MessageDigest md5s = ChecksumAlgorithm.digest("MD5");
        ByteArrayOutputStream partChecksums = new ByteArrayOutputStream();
        List<ObjectVersion.Part> layout = new ArrayList<>(parts.size());
        long offset = 0;
        while (each.hasNext()) {
            MultipartUpload.UploadedPart part = each.next();
            md5s.update(hexToBytes(ReadConditions.unquote(part.etag())));
            if (algorithm != null && part.checksums().containsKey(algorithm)) {
                partChecksums.writeBytes(Base64.getDecoder().decode(part.checksums().get(algorithm)));
            }
            layout.add(new ObjectVersion.Part(offset, part.blob().length(), part.checksums()));
            offset += part.blob().length();
        }
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        if (fullObject) {
            checksums.putAll(written.checksums());
        } else if (algorithm != null) {
            checksums.put(algorithm, algorithm.of(partChecksums.toByteArray()) + "-" + parts.size());
        }
        String etag = "\"" + ObjectUpload.etag(md5s.digest()).replace("\"", "") + "-" + parts.size() + "\"";
        return new ObjectVersion.StoredContent(written.blob(), etag, upload.headers(), upload.metadata(),
                upload.storageClass(), checksums, algorithm == null ? null : upload.checksumType(),
                List.copyOf(layout));
    }

    private static byte[] hexToBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
