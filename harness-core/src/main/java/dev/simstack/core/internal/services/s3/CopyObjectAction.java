package dev.simstack.core.internal.services.s3;

import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CopyObject: a new version whose bytes are the source's, with the source's headers and metadata
 * ({@code x-amz-metadata-directive: COPY}, the default) or the request's ({@code REPLACE}); the same for
 * tags ({@code x-amz-tagging-directive}). The website redirect location and the encryption are never the
 * source's: they are the request's. Copying an object onto itself needs REPLACE or another change, as S3
 * requires.
 */
final class CopyObjectAction {

    private final S3Context s3;
    private final ObjectWrites writes;

    CopyObjectAction(S3Context s3) {
        this.s3 = s3;
        this.writes = new ObjectWrites(s3);
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("CopyObject", this::copyObject);
    }

    private RestOutput copyObject(S3Call call) {
        Bucket target = s3.store().bucket(call.bucket());
        ObjectUpload.checkKey(call.key());
        CopySource source = CopySource.parse(call.header("x-amz-copy-source"));
        boolean replaceMetadata = directive(call, "x-amz-metadata-directive");
        boolean replaceTags = directive(call, "x-amz-tagging-directive");
        if (source.bucket().equals(call.bucket()) && source.key().equals(call.key()) && source.versionId() == null
                && !replaceMetadata && call.header("x-amz-storage-class") == null
                && call.header(ObjectAttributes.WEBSITE_REDIRECT_LOCATION) == null
                && call.header(ObjectEncryption.ALGORITHM) == null && call.header(CustomerKeys.ALGORITHM) == null) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to"
                    + " itself without changing the object's metadata, storage class, website redirect location or"
                    + " encryption attributes.");
        }
        AclActions.withWriteAcl(target, call, Map.of()); // refused before the source is read, as S3 does
        WriteConditions conditions = WriteConditions.of(call);
        writes.checkBefore(target, call.key(), conditions, ObjectWriteKind.COPY, call.requester());
        CopySource.Read read;
        try {
            read = source.open(s3.store(), call, null);
        } catch (RestXmlError e) {
            if (e.code().equals("PreconditionFailed")) { // an x-amz-copy-source-if-* condition refused it
                writes.refused(target, call.key(), ObjectWriteKind.COPY, call.requester());
            }
            throw e;
        }
        ObjectVersion from = read.version();
        ObjectVersion.StoredContent content = copiedContent(read, call, replaceMetadata, target);
        Map<String, String> tags = replaceTags ? TagSet.fromHeader(call.header("x-amz-tagging")) : from.tags().get();
        ObjectVersion version = writes.commit(target, call.key(), content, tags, conditions, call.requester(), ObjectWriteKind.COPY,
                "Copy");
        XmlWriter xml = XmlWriter.document("CopyObjectResult").element("ETag", content.etag())
                .element("LastModified", S3Time.iso(version.lastModified()));
        content.checksums().forEach((algorithm, value) -> xml.element(algorithm.element(), value));
        RestOutput out = RestOutput.xml(xml.finish("CopyObjectResult"))
                .header("x-amz-version-id", ObjectWrites.versionHeader(target, version))
                .header("x-amz-copy-source-version-id", source.versionId() != null ? from.versionId() : null);
        ObjectEncryption.answer(version.content().headers(), out);
        return out;
    }

    /** The source's bytes, rewritten with its whole-object checksums and the one requested, if any. */
    private ObjectVersion.StoredContent copiedContent(CopySource.Read read, S3Call call, boolean replaceMetadata,
            Bucket target) {
        ObjectVersion.StoredContent old = read.version().content();
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        old.checksums().forEach((algorithm, value) -> {
            if (!value.contains("-")) { // a composite checksum describes parts a copy no longer has
                algorithms.add(algorithm);
            }
        });
        ChecksumAlgorithm requested = ChecksumAlgorithm.named(call.header("x-amz-checksum-algorithm"));
        if (requested != null) {
            algorithms.add(requested);
        }
        BlobWriter.Written written;
        try (InputStream in = read.bytes()) {
            written = s3.blobs().write(in, algorithms, read.range().length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // A copy is stored as one part: its ETag is the MD5 of its bytes, even if the source's was not.
        return new ObjectVersion.StoredContent(written.blob(), ObjectUpload.etag(written.md5()),
                AclActions.withWriteAcl(target, call, ObjectAttributes.withWriteHeaders(replaceMetadata
                        ? ObjectAttributes.contentHeaders(call) : old.headers(), call)),
                replaceMetadata ? ObjectAttributes.metadata(call) : old.metadata(),
                call.header("x-amz-storage-class") != null ? ObjectAttributes.storageClass(call) : old.storageClass(),
                ObjectUpload.checksums(written), "FULL_OBJECT", List.of());
    }

    private static boolean directive(S3Call call, String header) {
        String value = call.header(header);
        if (value == null || value.equals("COPY")) {
            return false;
        }
        if (value.equals("REPLACE")) {
            return true;
        }
        throw S3Errors.invalidArgument("Unknown " + header, header, value);
    }
}
