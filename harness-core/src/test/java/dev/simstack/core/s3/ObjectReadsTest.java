package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** GetObject's byte ranges, conditional headers and response header overrides. */
class ObjectReadsTest {

    private Stack stack;
    private S3Client s3;
    private String etag;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("reads"));
        etag = s3.putObject(p -> p.bucket("reads").key("digits"), S3TestSupport.text("0123456789")).eTag();
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private ResponseBytes<GetObjectResponse> range(String range) {
        return s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").range(range));
    }

    @Test
    void byte_ranges_answer_206_with_content_range() {
        ResponseBytes<GetObjectResponse> middle = range("bytes=2-4");
        assertThat(middle.asUtf8String()).isEqualTo("234");
        assertThat(middle.response().contentRange()).isEqualTo("bytes 2-4/10");
        assertThat(range("bytes=7-").asUtf8String()).isEqualTo("789");
        assertThat(range("bytes=-3").asUtf8String()).isEqualTo("789");
        assertThat(range("bytes=8-100").asUtf8String()).isEqualTo("89");
    }

    @Test
    void a_range_past_the_end_is_invalid_range_416() {
        assertThatThrownBy(() -> range("bytes=10-20")).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
        });
    }

    @Test
    void a_malformed_range_is_ignored_and_the_whole_object_answered() {
        assertThat(range("bytes=5-2").asUtf8String()).isEqualTo("0123456789");
        assertThat(range("lines=1-2").asUtf8String()).isEqualTo("0123456789");
    }

    @Test
    void if_match_and_if_none_match_follow_the_etag() {
        assertThat(s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").ifMatch(etag)).asUtf8String())
                .isEqualTo("0123456789");
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").ifMatch("\"other\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
    }

    @Test
    void modified_since_conditions_compare_with_last_modified() {
        Instant written = stack.clock().now();
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").ifModifiedSince(written)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("reads").key("digits")
                .ifModifiedSince(written.minus(Duration.ofHours(1)))).asUtf8String()).isEqualTo("0123456789");
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("reads").key("digits")
                .ifUnmodifiedSince(written.minus(Duration.ofHours(1)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    @Test
    void a_matching_if_match_wins_over_a_failing_if_unmodified_since() {
        Instant before = stack.clock().now().minus(Duration.ofHours(1));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("reads").key("digits").ifMatch(etag).ifUnmodifiedSince(before))
                .asUtf8String()).isEqualTo("0123456789");
    }

    @Test
    void response_parameters_override_the_answer_headers() {
        GetObjectResponse response = s3.getObjectAsBytes(g -> g.bucket("reads").key("digits")
                .responseContentType("application/x-digits").responseContentDisposition("attachment; filename=d.txt")
                .responseCacheControl("no-cache").responseContentLanguage("en")).response();
        assertThat(response.contentType()).isEqualTo("application/x-digits");
        assertThat(response.contentDisposition()).isEqualTo("attachment; filename=d.txt");
        assertThat(response.cacheControl()).isEqualTo("no-cache");
        assertThat(response.contentLanguage()).isEqualTo("en");
    }

    @Test
    void last_modified_is_the_stack_clock_at_the_write() {
        stack.clock().advance(Duration.ofMinutes(5));
        s3.putObject(p -> p.bucket("reads").key("later"), S3TestSupport.text("x"));
        assertThat(s3.headObject(h -> h.bucket("reads").key("later")).lastModified())
                .isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
    }

    @Test
    void glacier_objects_cannot_be_read_until_restored() throws Exception {
        RawHttp.send(stack.port(), "PUT", "/reads/cold", Map.of("x-amz-storage-class", "GLACIER"), "ice");
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("reads").key("cold")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
                });
        assertThat(s3.headObject(h -> h.bucket("reads").key("cold")).storageClassAsString()).isEqualTo("GLACIER");
    }
}
