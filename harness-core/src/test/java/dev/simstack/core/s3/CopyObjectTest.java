package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** CopyObject: metadata directive, conditional copies, across buckets, onto itself. */
class CopyObjectTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("source"));
        s3.createBucket(b -> b.bucket("target"));
        s3.putObject(p -> p.bucket("source").key("doc ü.txt").contentType("text/plain")
                .metadata(Map.of("author", "ada")), S3TestSupport.text("original"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void copy_keeps_bytes_and_metadata_by_default() {
        CopyObjectResponse copy = s3.copyObject(c -> c.sourceBucket("source").sourceKey("doc ü.txt")
                .destinationBucket("target").destinationKey("copy.txt"));
        assertThat(copy.copyObjectResult().eTag()).isEqualTo(s3.headObject(h -> h.bucket("source").key("doc ü.txt"))
                .eTag());
        HeadObjectResponse head = s3.headObject(h -> h.bucket("target").key("copy.txt"));
        assertThat(head.metadata()).containsEntry("author", "ada");
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("target").key("copy.txt")).asUtf8String()).isEqualTo("original");
    }

    @Test
    void replace_directive_takes_the_request_metadata() {
        s3.copyObject(c -> c.sourceBucket("source").sourceKey("doc ü.txt").destinationBucket("target")
                .destinationKey("replaced").metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("reviewer", "bob")).contentType("text/markdown"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("target").key("replaced"));
        assertThat(head.metadata()).containsOnly(Map.entry("reviewer", "bob"));
        assertThat(head.contentType()).isEqualTo("text/markdown");
    }

    @Test
    void copying_onto_itself_needs_a_change() {
        assertThatThrownBy(() -> s3.copyObject(c -> c.sourceBucket("source").sourceKey("doc ü.txt")
                .destinationBucket("source").destinationKey("doc ü.txt")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
        s3.copyObject(c -> c.sourceBucket("source").sourceKey("doc ü.txt").destinationBucket("source")
                .destinationKey("doc ü.txt").metadataDirective(MetadataDirective.REPLACE));
    }

    @Test
    void conditional_copy_fails_with_412_when_the_source_etag_differs() {
        assertThatThrownBy(() -> s3.copyObject(c -> c.sourceBucket("source").sourceKey("doc ü.txt")
                .destinationBucket("target").destinationKey("x").copySourceIfMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
    }

    @Test
    void copying_a_missing_source_is_no_such_key() {
        assertThatThrownBy(() -> s3.copyObject(c -> c.sourceBucket("source").sourceKey("absent")
                .destinationBucket("target").destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
    }
}
