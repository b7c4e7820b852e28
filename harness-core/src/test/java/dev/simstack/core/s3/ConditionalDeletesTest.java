package dev.simstack.core.s3;

import static dev.simstack.core.s3.ConditionalWritesTest.NO_SUCH_KEY;
import static dev.simstack.core.s3.ConditionalWritesTest.PRECONDITION_FAILED;
import static dev.simstack.core.s3.ConditionalWritesTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.LedgerEntry.ObjectWrite;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.Stack;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * DeleteObject with {@code If-Match} and DeleteObjects with an object's {@code ETag} in a general purpose
 * bucket: judged against the key's current version, 412 for another ETag, 404 NoSuchKey when there is no
 * current object; the directory-bucket conditions (size, last-modified time) and {@code If-Match} with a
 * version id refused with 501 NotImplemented, as S3 refuses them.
 */
class ConditionalDeletesTest {

    private static final String NOT_IMPLEMENTED = "A header you provided implies functionality that is not implemented";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("docs"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private String put(String key, String text) {
        return s3.putObject(p -> p.bucket("docs").key(key), S3TestSupport.text(text)).eTag();
    }

    private boolean exists(String key) {
        return !s3.listObjectsV2(l -> l.bucket("docs").prefix(key)).contents().isEmpty();
    }

    private void enableVersioning() {
        s3.putBucketVersioning(v -> v.bucket("docs").versioningConfiguration(
                c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    @Test
    void if_match_with_the_current_etag_deletes_the_object() {
        String etag = put("a", "1");
        s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch(etag));
        assertThat(exists("a")).isFalse();
    }

    @Test
    void if_match_star_deletes_an_existing_object() {
        put("a", "1");
        s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch("*"));
        assertThat(exists("a")).isFalse();
    }

    @Test
    void if_match_with_another_etag_is_412_precondition_failed_and_keeps_the_object() {
        String first = put("a", "1");
        put("a", "2");
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch(first)), 412,
                "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("docs").key("a")).asUtf8String()).isEqualTo("2");
    }

    @Test
    void if_match_on_a_key_that_was_never_written_is_404_no_such_key_for_an_etag_and_for_star() {
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("ghost").ifMatch("\"abc\"")), 404,
                "NoSuchKey", NO_SUCH_KEY);
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("ghost").ifMatch("*")), 404, "NoSuchKey",
                NO_SUCH_KEY);
    }

    @Test
    void in_a_versioned_bucket_if_match_on_the_current_version_adds_a_delete_marker() {
        enableVersioning();
        put("a", "1");
        String current = put("a", "2");
        DeleteObjectResponse deleted = s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch(current));
        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(deleted.versionId()).isNotNull();
        assertThat(s3.listObjectVersions(l -> l.bucket("docs")).versions()).hasSize(2);
    }

    @Test
    void in_a_versioned_bucket_a_noncurrent_versions_etag_is_412() {
        enableVersioning();
        String noncurrent = put("a", "1");
        put("a", "2");
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch(noncurrent)), 412,
                "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(s3.listObjectVersions(l -> l.bucket("docs")).deleteMarkers()).isEmpty();
    }

    @Test
    void in_a_versioned_bucket_if_match_over_a_delete_marker_is_404_even_with_the_etag_beneath_it() {
        enableVersioning();
        String beneath = put("a", "1");
        s3.deleteObject(d -> d.bucket("docs").key("a"));
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch(beneath)), 404, "NoSuchKey",
                NO_SUCH_KEY);
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch("*")), 404, "NoSuchKey",
                NO_SUCH_KEY);
        assertThat(s3.listObjectVersions(l -> l.bucket("docs")).deleteMarkers()).hasSize(1);
    }

    @Test
    void if_match_with_a_version_id_is_501_not_implemented_and_deletes_nothing() {
        enableVersioning();
        String etag = put("a", "1");
        String versionId = s3.headObject(h -> h.bucket("docs").key("a")).versionId();
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").versionId(versionId)
                .ifMatch(etag)), 501, "NotImplemented", NOT_IMPLEMENTED);
        assertThat(exists("a")).isTrue();
    }

    @Test
    void the_size_and_last_modified_time_conditions_of_directory_buckets_are_501_not_implemented() {
        put("a", "1");
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatchSize(1L)), 501,
                "NotImplemented", NOT_IMPLEMENTED);
        Instant modified = s3.headObject(h -> h.bucket("docs").key("a")).lastModified();
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a")
                .ifMatchLastModifiedTime(modified)), 501, "NotImplemented", NOT_IMPLEMENTED);
        assertThat(exists("a")).isTrue();
    }

    @Test
    void delete_objects_judges_each_objects_etag_and_reports_refusals_as_errors() {
        String a = put("a", "1");
        put("b", "2");
        DeleteObjectsResponse response = s3.deleteObjects(d -> d.bucket("docs").delete(x -> x.objects(
                ObjectIdentifier.builder().key("a").eTag(a).build(),
                ObjectIdentifier.builder().key("b").eTag("\"stale\"").build(),
                ObjectIdentifier.builder().key("ghost").eTag("*").build())));
        assertThat(response.deleted()).extracting(d -> d.key()).containsExactly("a");
        assertThat(response.errors()).extracting(S3Error::key, S3Error::code, S3Error::message).containsExactly(
                tuple("b", "PreconditionFailed", PRECONDITION_FAILED),
                tuple("ghost", "NoSuchKey", NO_SUCH_KEY));
        assertThat(exists("a")).isFalse();
        assertThat(exists("b")).isTrue();
    }

    @Test
    void delete_objects_with_a_size_or_last_modified_time_condition_is_refused_whole() {
        put("a", "1");
        put("b", "2");
        assertS3Error(() -> s3.deleteObjects(d -> d.bucket("docs").delete(x -> x.objects(
                ObjectIdentifier.builder().key("a").build(),
                ObjectIdentifier.builder().key("b").size(1L).build()))), 501, "NotImplemented", NOT_IMPLEMENTED);
        assertThat(exists("a")).isTrue();
        assertThat(exists("b")).isTrue();
    }

    @Test
    void refused_conditional_deletes_are_recorded_as_precondition_failed_with_the_kind_they_would_have_been() {
        put("a", "1");
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("a").ifMatch("\"stale\"")), 412,
                "PreconditionFailed", PRECONDITION_FAILED);
        s3.deleteObjects(d -> d.bucket("docs").delete(x -> x.objects(
                ObjectIdentifier.builder().key("ghost").eTag("*").build())));
        enableVersioning();
        put("v", "1");
        assertS3Error(() -> s3.deleteObject(d -> d.bucket("docs").key("v").ifMatch("\"stale\"")), 412,
                "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(stack.ledger().entries(ObjectWrite.class)).extracting(ObjectWrite::key, ObjectWrite::kind,
                ObjectWrite::operation, ObjectWrite::outcome, ObjectWrite::versionId).containsExactly(
                        tuple("a", ObjectWriteKind.PUT, "PutObject", WriteOutcome.APPLIED, null),
                        tuple("a", ObjectWriteKind.DELETE, "DeleteObject", WriteOutcome.PRECONDITION_FAILED, null),
                        tuple("ghost", ObjectWriteKind.DELETE, "DeleteObjects", WriteOutcome.PRECONDITION_FAILED, null),
                        tuple("v", ObjectWriteKind.PUT, "PutObject", WriteOutcome.APPLIED,
                                s3.headObject(h -> h.bucket("docs").key("v")).versionId()),
                        tuple("v", ObjectWriteKind.DELETE_MARKER, "DeleteObject", WriteOutcome.PRECONDITION_FAILED,
                                null));
    }
}
