package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.util.Map;

/**
 * GetObject and HeadObject: the version asked for, conditional headers, a byte range or one part of a
 * multipart object, {@code response-*} header overrides, and the stored checksums when the client asks
 * for them ({@code x-amz-checksum-mode: ENABLED}) and the answer is the whole object (or a whole part).
 */
final class GetObjectAction {

    /** GetObject's query overrides of answer headers (only for GET; S3 ignores them on HEAD). */
    private static final Map<String, String> OVERRIDES = Map.of("response-content-type", "Content-Type",
            "response-content-language", "Content-Language", "response-expires", "Expires",
            "response-cache-control", "Cache-Control", "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private final S3Context s3;

    GetObjectAction(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("GetObject", call -> read(call, true));
        operations.put("HeadObject", call -> read(call, false));
    }

    private RestOutput read(S3Call call, boolean get) {
        Bucket bucket = s3.store().bucket(call.bucket());
        RestOutput out = RestOutput.ok();
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"));
            ObjectVersion.StoredContent content = version.content();
            CustomerKeys.checkRead(content.headers(), call, "");
            ReadConditions.check(call, version);
            if (get) {
                checkReadable(content);
            }
            Slice slice = slice(call, content, version.size());
            describe(out, bucket, version, slice, call, get);
            if (get) {
                overrides(call, out);
                out.body(content.blob().answer(slice.range().first(), slice.range().length()));
            } else {
                out.header("Content-Length", slice.range().length());
            }
        }
        return out;
    }

    /** GetObject refuses an archived object's bytes (they must be restored first): 403 InvalidObjectState. */
    static void checkReadable(ObjectVersion.StoredContent content) {
        if (content.storageClass().equals("GLACIER") || content.storageClass().equals("DEEP_ARCHIVE")) {
            throw new RestXmlError("InvalidObjectState", 403, "The operation is not valid for the object's storage"
                    + " class").with("StorageClass", content.storageClass());
        }
    }

    /** The answer's headers: stored ones, validators, range or part, and checksums when asked for. */
    private static void describe(RestOutput out, Bucket bucket, ObjectVersion version, Slice slice, S3Call call,
            boolean get) {
        ObjectVersion.StoredContent content = version.content();
        ObjectAttributes.answer(content, out, false);
        if ("ENABLED".equalsIgnoreCase(call.header("x-amz-checksum-mode")) && slice.checksums() != null) {
            slice.checksums().forEach((algorithm, value) -> out.header(algorithm.header(), value));
            out.header("x-amz-checksum-type", slice.checksums().isEmpty() ? null : content.checksumType());
        }
        out.header("ETag", content.etag()).header("Last-Modified", S3Time.http(version.lastModified()))
                .header("Accept-Ranges", "bytes")
                .header("x-amz-version-id", bucket.versioning() == null ? null : version.versionId());
        ObjectLocks.answer(bucket.locks().get(version.key(), version.versionId()), out);
        LifecycleExpiry.answer(bucket, version, out);
        int tagCount = version.tags().get().size();
        out.header("x-amz-tagging-count", get && tagCount > 0 ? tagCount : null);
        if (slice.partial()) {
            out.status(206).header("Content-Range", slice.range().contentRange(version.size()));
        }
        out.header("x-amz-mp-parts-count", slice.partsCount());
    }

    /** Which bytes to answer: a part, a range, or all (with the checksums that then apply). */
    private record Slice(ByteRange range, boolean partial, Integer partsCount,
            Map<ChecksumAlgorithm, String> checksums) {
    }

    private static Slice slice(S3Call call, ObjectVersion.StoredContent content, long size) {
        String partNumber = call.query("partNumber");
        String rangeHeader = call.header("Range");
        if (partNumber != null) {
            if (rangeHeader != null) {
                throw S3Errors.invalidRequest("Cannot specify both Range header and partNumber query parameter");
            }
            int number = PartNumbers.parse(partNumber);
            if (content.parts().isEmpty()) {
                if (number != 1) {
                    throw invalidPartNumber(partNumber);
                }
                return new Slice(new ByteRange(0, size), false, null, content.checksums());
            }
            if (number > content.parts().size()) {
                throw invalidPartNumber(partNumber);
            }
            ObjectVersion.Part part = content.parts().get(number - 1);
            return new Slice(new ByteRange(part.offset(), part.length()), true, content.parts().size(),
                    part.checksums());
        }
        ByteRange range = ByteRange.parse(rangeHeader, size);
        if (range == null) {
            return new Slice(new ByteRange(0, size), false, null, content.checksums());
        }
        return new Slice(range, true, null, null);
    }

    private static RestXmlError invalidPartNumber(String partNumber) {
        return new RestXmlError("InvalidPartNumber", 416, "The requested partnumber is not satisfiable")
                .with("PartNumberRequested", partNumber);
    }

    private static void overrides(S3Call call, RestOutput out) {
        OVERRIDES.forEach((parameter, header) -> {
            String value = call.query(parameter);
            if (value != null) {
                out.header(header, value);
            }
        });
    }
}
