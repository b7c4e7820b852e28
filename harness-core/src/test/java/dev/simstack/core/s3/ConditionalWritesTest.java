package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.LedgerEntry.ObjectWrite;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.Stack;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObject and CompleteMultipartUpload with {@code If-None-Match: *} (create only) and {@code If-Match}
 * (compare and swap), judged against the key's current version, with S3's codes, statuses and messages.
 */
class ConditionalWritesTest {

    static final String PRECONDITION_FAILED = "At least one of the pre-conditions you specified did not hold";
    static final String NO_SUCH_KEY = "The specified key does not exist.";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("locks"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    /** Asserts that {@code call} fails with S3's error: status, code and message. */
    static void assertS3Error(ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private String put(String key, String text) {
        return s3.putObject(p -> p.bucket("locks").key(key), S3TestSupport.text(text)).eTag();
    }

    @Test
    void if_none_match_star_creates_once_then_fails_with_412() {
        s3.putObject(p -> p.bucket("locks").key("lease").ifNoneMatch("*"), S3TestSupport.text("first"));
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("lease").ifNoneMatch("*"),
                S3TestSupport.text("second")), 412, "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("locks").key("lease")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void if_match_replaces_only_the_expected_version() {
        String first = put("counter", "1");
        String second = s3.putObject(p -> p.bucket("locks").key("counter").ifMatch(first), S3TestSupport.text("2"))
                .eTag();
        assertThat(s3.headObject(h -> h.bucket("locks").key("counter")).eTag()).isEqualTo(second);
    }

    @Test
    void if_match_with_another_etag_is_412_precondition_failed_naming_if_match_and_keeps_the_object() {
        String first = put("counter", "1");
        String second = put("counter", "2");
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("counter").ifMatch(first),
                S3TestSupport.text("stale")), 412, "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(s3.headObject(h -> h.bucket("locks").key("counter")).eTag()).isEqualTo(second);
    }

    @Test
    void if_match_on_a_missing_key_is_404_no_such_key() {
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("absent").ifMatch("\"abc\""),
                S3TestSupport.text("x")), 404, "NoSuchKey", NO_SUCH_KEY);
        assertThat(s3.listObjectsV2(l -> l.bucket("locks")).contents()).isEmpty();
    }

    @Test
    void in_a_versioned_bucket_if_match_is_judged_against_the_current_version_only() {
        s3.putBucketVersioning(v -> v.bucket("locks").versioningConfiguration(
                c -> c.status(BucketVersioningStatus.ENABLED)));
        String first = put("doc", "v1");
        String second = put("doc", "v2");
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("doc").ifMatch(first), S3TestSupport.text("v3")),
                412, "PreconditionFailed", PRECONDITION_FAILED);
        s3.putObject(p -> p.bucket("locks").key("doc").ifMatch(second), S3TestSupport.text("v3"));
        assertThat(s3.listObjectVersions(l -> l.bucket("locks")).versions()).hasSize(3);
    }

    @Test
    void in_a_versioned_bucket_if_match_under_a_delete_marker_is_404_no_such_key() {
        s3.putBucketVersioning(v -> v.bucket("locks").versioningConfiguration(
                c -> c.status(BucketVersioningStatus.ENABLED)));
        String etag = put("doc", "v1");
        s3.deleteObject(d -> d.bucket("locks").key("doc"));
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("doc").ifMatch(etag), S3TestSupport.text("v2")),
                404, "NoSuchKey", NO_SUCH_KEY);
    }

    @Test
    void if_none_match_other_than_star_is_501_not_implemented() {
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("k").ifNoneMatch("\"abc\""),
                S3TestSupport.text("x")), 501, "NotImplemented",
                "A header you provided implies functionality that is not implemented");
    }

    private ThrowingCallable complete(String key, String ifMatch) {
        String uploadId = s3.createMultipartUpload(c -> c.bucket("locks").key(key)).uploadId();
        String part = s3.uploadPart(u -> u.bucket("locks").key(key).uploadId(uploadId).partNumber(1),
                S3TestSupport.text("joined")).eTag();
        return () -> s3.completeMultipartUpload(c -> c.bucket("locks").key(key).uploadId(uploadId).ifMatch(ifMatch)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build())));
    }

    @Test
    void complete_multipart_upload_with_if_match_replaces_only_the_expected_object() throws Throwable {
        String etag = put("big", "old");
        complete("big", etag).call();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("locks").key("big")).asUtf8String()).isEqualTo("joined");
        assertS3Error(complete("big", etag), 412, "PreconditionFailed", PRECONDITION_FAILED);
        assertS3Error(complete("never", etag), 404, "NoSuchKey", NO_SUCH_KEY);
        assertThat(stack.ledger().entries(ObjectWrite.class)).extracting(ObjectWrite::key, ObjectWrite::kind,
                ObjectWrite::outcome).containsExactly(
                        tuple("big", ObjectWriteKind.PUT, WriteOutcome.APPLIED),
                        tuple("big", ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, WriteOutcome.APPLIED),
                        tuple("big", ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, WriteOutcome.PRECONDITION_FAILED),
                        tuple("never", ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD, WriteOutcome.PRECONDITION_FAILED));
    }

    @Test
    void a_put_refused_by_if_match_is_recorded_as_precondition_failed() {
        String first = put("counter", "1");
        put("counter", "2");
        assertS3Error(() -> s3.putObject(p -> p.bucket("locks").key("counter").ifMatch(first), S3TestSupport.text("3")),
                412, "PreconditionFailed", PRECONDITION_FAILED);
        assertThat(stack.ledger().entries(ObjectWrite.class)).extracting(ObjectWrite::kind, ObjectWrite::outcome)
                .containsExactly(tuple(ObjectWriteKind.PUT, WriteOutcome.APPLIED),
                        tuple(ObjectWriteKind.PUT, WriteOutcome.APPLIED),
                        tuple(ObjectWriteKind.PUT, WriteOutcome.PRECONDITION_FAILED));
    }

    @Test
    void refusals_name_the_condition_or_header_in_the_error_document() throws Exception {
        put("counter", "1");
        RawHttp.Answer stale = RawHttp.send(stack.port(), "PUT", "/locks/counter", Map.of("If-Match", "\"stale\""),
                "x");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("<Code>PreconditionFailed</Code>", "<Message>" + PRECONDITION_FAILED
                + "</Message>", "<Condition>If-Match</Condition>");
        RawHttp.Answer exists = RawHttp.send(stack.port(), "PUT", "/locks/counter", Map.of("If-None-Match", "*"), "x");
        assertThat(exists.status()).isEqualTo(412);
        assertThat(exists.body()).contains("<Condition>If-None-Match</Condition>");
        RawHttp.Answer missing = RawHttp.send(stack.port(), "PUT", "/locks/absent", Map.of("If-Match", "\"x\""), "x");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<Code>NoSuchKey</Code>", "<Key>absent</Key>");
        RawHttp.Answer delete = RawHttp.send(stack.port(), "DELETE", "/locks/counter", Map.of("If-Match", "\"stale\""),
                (String) null);
        assertThat(delete.status()).isEqualTo(412);
        assertThat(delete.body()).contains("<Condition>If-Match</Condition>");
        RawHttp.Answer size = RawHttp.send(stack.port(), "DELETE", "/locks/counter", Map.of("x-amz-if-match-size", "1"),
                (String) null);
        assertThat(size.status()).isEqualTo(501);
        assertThat(size.body()).contains("<Code>NotImplemented</Code>", "<Header>x-amz-if-match-size</Header>");
    }
}
