package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.LedgerEntry.ObjectWrite;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Every S3 object write leaves one {@link ObjectWrite} per key in the ledger, applied or refused by a
 * precondition, with the bucket's {@link ResourceRef} and the version id S3 answered. Traffic through the SDK.
 */
class ObjectWriteLedgerTest {

    private Stack stack;
    private S3Client s3;
    private ResourceRef receipts;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("receipts"));
        receipts = ResourceRef.bucket("us-east-1", stack.accountId(), "receipts");
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void a_put_is_one_applied_write_of_its_key_with_no_version_id_in_a_bucket_never_versioned() {
        s3.putObject(p -> p.bucket("receipts").key("r/1.json"), S3TestSupport.text("{}"));

        assertThat(writes()).singleElement().satisfies(write -> {
            assertThat(write.bucket()).isEqualTo(receipts);
            assertThat(write.bucket().arn()).isEqualTo("arn:aws:s3:::receipts");
            assertThat(write.key()).isEqualTo("r/1.json");
            assertThat(write.versionId()).isNull();
            assertThat(write.kind()).isEqualTo(ObjectWriteKind.PUT);
            assertThat(write.operation()).isEqualTo("PutObject");
            assertThat(write.outcome()).isEqualTo(WriteOutcome.APPLIED);
        });
    }

    @Test
    void a_put_refused_by_if_none_match_is_recorded_as_precondition_failed_and_leaves_the_object() {
        s3.putObject(p -> p.bucket("receipts").key("lease").ifNoneMatch("*"), S3TestSupport.text("first"));
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("receipts").key("lease").ifNoneMatch("*"),
                S3TestSupport.text("second"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));

        assertThat(writes()).extracting(ObjectWrite::key, ObjectWrite::kind, ObjectWrite::outcome,
                ObjectWrite::versionId).containsExactly(
                        tuple("lease", ObjectWriteKind.PUT, WriteOutcome.APPLIED, null),
                        tuple("lease", ObjectWriteKind.PUT, WriteOutcome.PRECONDITION_FAILED, null));
    }

    @Test
    void a_copy_is_a_write_of_the_target_key_and_a_failed_source_condition_a_refused_one() {
        s3.createBucket(b -> b.bucket("archive"));
        s3.putObject(p -> p.bucket("receipts").key("r/1.json"), S3TestSupport.text("{}"));
        s3.copyObject(c -> c.sourceBucket("receipts").sourceKey("r/1.json").destinationBucket("archive")
                .destinationKey("2026/r-1.json"));
        assertThatThrownBy(() -> s3.copyObject(c -> c.sourceBucket("receipts").sourceKey("r/1.json")
                .destinationBucket("archive").destinationKey("2026/r-2.json").copySourceIfMatch("\"other\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));

        ResourceRef archive = ResourceRef.bucket("us-east-1", stack.accountId(), "archive");
        assertThat(writes()).extracting(ObjectWrite::bucket, ObjectWrite::key, ObjectWrite::kind,
                ObjectWrite::operation, ObjectWrite::outcome).containsExactly(
                        tuple(receipts, "r/1.json", ObjectWriteKind.PUT, "PutObject", WriteOutcome.APPLIED),
                        tuple(archive, "2026/r-1.json", ObjectWriteKind.COPY, "CopyObject", WriteOutcome.APPLIED),
                        tuple(archive, "2026/r-2.json", ObjectWriteKind.COPY, "CopyObject",
                                WriteOutcome.PRECONDITION_FAILED));
    }

    @Test
    void completing_a_multipart_upload_is_one_write_of_the_joined_object_and_uploading_parts_is_none() {
        String id = s3.createMultipartUpload(c -> c.bucket("receipts").key("big.bin")).uploadId();
        String etag = s3.uploadPart(u -> u.bucket("receipts").key("big.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[1024])).eTag();
        assertThat(writes()).isEmpty();

        s3.completeMultipartUpload(c -> c.bucket("receipts").key("big.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        assertThat(writes()).extracting(ObjectWrite::key, ObjectWrite::kind, ObjectWrite::operation,
                ObjectWrite::outcome).containsExactly(tuple("big.bin", ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD,
                        "CompleteMultipartUpload", WriteOutcome.APPLIED));
    }

    @Test
    void completing_an_upload_onto_an_existing_key_with_if_none_match_is_refused() {
        s3.putObject(p -> p.bucket("receipts").key("once.bin"), S3TestSupport.text("there"));
        String id = s3.createMultipartUpload(c -> c.bucket("receipts").key("once.bin")).uploadId();
        String etag = s3.uploadPart(u -> u.bucket("receipts").key("once.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[16])).eTag();

        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("receipts").key("once.bin").uploadId(id)
                .ifNoneMatch("*").multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag)
                        .build())))).isInstanceOfSatisfying(S3Exception.class,
                                e -> assertThat(e.statusCode()).isEqualTo(412));

        assertThat(writes()).extracting(ObjectWrite::kind, ObjectWrite::outcome).containsExactly(
                tuple(ObjectWriteKind.PUT, WriteOutcome.APPLIED),
                tuple(ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, WriteOutcome.PRECONDITION_FAILED));
    }

    @Test
    void a_delete_is_a_write_even_of_a_key_that_was_not_there() {
        s3.putObject(p -> p.bucket("receipts").key("r/1.json"), S3TestSupport.text("{}"));
        s3.deleteObject(d -> d.bucket("receipts").key("r/1.json"));
        s3.deleteObject(d -> d.bucket("receipts").key("r/1.json"));

        assertThat(writes()).extracting(ObjectWrite::kind, ObjectWrite::operation, ObjectWrite::versionId)
                .containsExactly(tuple(ObjectWriteKind.PUT, "PutObject", null),
                        tuple(ObjectWriteKind.DELETE, "DeleteObject", null),
                        tuple(ObjectWriteKind.DELETE, "DeleteObject", null));
    }

    @Test
    void delete_objects_records_one_write_per_key_in_the_order_given() {
        for (String key : List.of("a", "b", "c")) {
            s3.putObject(p -> p.bucket("receipts").key(key), S3TestSupport.text(key));
        }
        s3.deleteObjects(d -> d.bucket("receipts").delete(x -> x.objects(ObjectIdentifier.builder().key("c").build(),
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b").build())));

        assertThat(writes()).filteredOn(write -> write.kind() == ObjectWriteKind.DELETE)
                .extracting(ObjectWrite::key, ObjectWrite::operation, ObjectWrite::outcome).containsExactly(
                        tuple("c", "DeleteObjects", WriteOutcome.APPLIED),
                        tuple("a", "DeleteObjects", WriteOutcome.APPLIED),
                        tuple("b", "DeleteObjects", WriteOutcome.APPLIED));
    }

    @Test
    void in_a_versioned_bucket_writes_carry_the_version_id_s3_answered_and_a_delete_makes_a_marker() {
        versioning(BucketVersioningStatus.ENABLED);
        String version = s3.putObject(p -> p.bucket("receipts").key("r/1.json"), S3TestSupport.text("{}"))
                .versionId();
        String marker = s3.deleteObject(d -> d.bucket("receipts").key("r/1.json")).versionId();
        s3.deleteObject(d -> d.bucket("receipts").key("r/1.json").versionId(version));

        assertThat(version).isNotBlank().isNotEqualTo("null");
        assertThat(writes()).extracting(ObjectWrite::kind, ObjectWrite::versionId).containsExactly(
                tuple(ObjectWriteKind.PUT, version),
                tuple(ObjectWriteKind.DELETE_MARKER, marker),
                tuple(ObjectWriteKind.DELETE, version));
    }

    @Test
    void in_a_suspended_bucket_writes_carry_the_null_version_id() {
        versioning(BucketVersioningStatus.SUSPENDED);
        s3.putObject(p -> p.bucket("receipts").key("r/1.json"), S3TestSupport.text("{}"));
        s3.deleteObject(d -> d.bucket("receipts").key("r/1.json"));

        assertThat(writes()).extracting(ObjectWrite::kind, ObjectWrite::versionId).containsExactly(
                tuple(ObjectWriteKind.PUT, "null"), tuple(ObjectWriteKind.DELETE_MARKER, "null"));
    }

    private void versioning(BucketVersioningStatus status) {
        s3.putBucketVersioning(v -> v.bucket("receipts").versioningConfiguration(c -> c.status(status)));
    }

    private List<ObjectWrite> writes() {
        return stack.ledger().entries(ObjectWrite.class);
    }
}
