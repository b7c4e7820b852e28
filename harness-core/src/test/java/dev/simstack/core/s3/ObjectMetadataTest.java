package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/** Content headers, user metadata, storage class, object tagging and DeleteObjects. */
class ObjectMetadataTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("meta"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void content_headers_and_storage_class_are_stored_and_answered() {
        s3.putObject(p -> p.bucket("meta").key("page.html").contentType("text/html").cacheControl("max-age=60")
                .contentDisposition("inline").contentLanguage("de").storageClass(StorageClass.STANDARD_IA),
                S3TestSupport.text("<p/>"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("meta").key("page.html"));
        assertThat(head.contentType()).isEqualTo("text/html");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("inline");
        assertThat(head.contentLanguage()).isEqualTo("de");
        assertThat(head.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(head.contentEncoding()).isNull(); // aws-chunked is transport, not content
    }

    @Test
    void metadata_over_2_kb_is_metadata_too_large() {
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("meta").key("big").metadata(Map.of("m", "x".repeat(2100))),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge"));
    }

    @Test
    void tags_from_the_put_header_and_from_put_object_tagging() {
        s3.putObject(p -> p.bucket("meta").key("tagged").tagging("team=core&tier=gold"), S3TestSupport.text("x"));
        assertThat(s3.getObjectTagging(t -> t.bucket("meta").key("tagged")).tagSet())
                .containsExactlyInAnyOrder(Tag.builder().key("team").value("core").build(),
                        Tag.builder().key("tier").value("gold").build());
        Integer tagCount = s3.getObjectAsBytes(g -> g.bucket("meta").key("tagged")).response().tagCount();
        assertThat(tagCount).isEqualTo(2);
        s3.putObjectTagging(t -> t.bucket("meta").key("tagged").tagging(g -> g.tagSet(Tag.builder().key("only")
                .value("one").build())));
        assertThat(s3.getObjectTagging(t -> t.bucket("meta").key("tagged")).tagSet()).extracting(Tag::key)
                .containsExactly("only");
        s3.deleteObjectTagging(t -> t.bucket("meta").key("tagged"));
        assertThat(s3.getObjectTagging(t -> t.bucket("meta").key("tagged")).tagSet()).isEmpty();
    }

    @Test
    void more_than_ten_object_tags_is_a_bad_request() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            tags.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
        }
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("meta").key("t").tagging(tags.toString()),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadRequest"));
    }

    @Test
    void delete_objects_reports_each_key() {
        s3.putObject(p -> p.bucket("meta").key("a"), S3TestSupport.text("1"));
        s3.putObject(p -> p.bucket("meta").key("b"), S3TestSupport.text("2"));
        DeleteObjectsResponse response = s3.deleteObjects(d -> d.bucket("meta").delete(x -> x.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b").build(),
                ObjectIdentifier.builder().key("never-there").build())));
        assertThat(response.deleted()).extracting(o -> o.key()).containsExactly("a", "b", "never-there");
        assertThat(response.errors()).isEmpty();
        assertThat(s3.listObjectsV2(l -> l.bucket("meta")).contents()).isEmpty();
    }
}
