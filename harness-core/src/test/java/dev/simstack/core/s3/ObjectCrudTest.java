package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** PutObject, GetObject, HeadObject and DeleteObject through the real SDK client. */
class ObjectCrudTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("photos"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void put_then_get_returns_the_bytes_metadata_and_md5_etag() {
        PutObjectResponse put = s3.putObject(p -> p.bucket("photos").key("cat.txt").contentType("text/plain")
                .metadata(Map.of("owner", "ada")), S3TestSupport.text("hello"));
        assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket("photos").key("cat.txt"));
        assertThat(got.asUtf8String()).isEqualTo("hello");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("owner", "ada");
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentLength()).isEqualTo(5);
    }

    @Test
    void head_answers_length_and_etag_without_a_body() {
        s3.putObject(p -> p.bucket("photos").key("a"), S3TestSupport.text("12345678"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("photos").key("a"));
        assertThat(head.contentLength()).isEqualTo(8);
        assertThat(head.contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void get_of_a_missing_key_is_no_such_key() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("photos").key("nope")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("photos").key("nope")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void delete_removes_the_object() {
        s3.putObject(p -> p.bucket("photos").key("gone"), S3TestSupport.text("x"));
        s3.deleteObject(d -> d.bucket("photos").key("gone"));
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("photos").key("gone")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
