package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3's rules for object and bucket tags, from PutObjectTagging, PutBucketTagging and the x-amz-tagging header. */
class TaggingRulesTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("tags"));
        s3.putObject(p -> p.bucket("tags").key("k"), S3TestSupport.text("x"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> tags(int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(tag("k" + i, "v"));
        }
        return tags;
    }

    private void putObjectTags(List<Tag> tags) {
        s3.putObjectTagging(t -> t.bucket("tags").key("k").tagging(g -> g.tagSet(tags)));
    }

    private void putBucketTags(List<Tag> tags) {
        s3.putBucketTagging(t -> t.bucket("tags").tagging(g -> g.tagSet(tags)));
    }


    @Test
    void an_object_takes_ten_tags_and_a_bucket_fifty() {
        putObjectTags(tags(10));
        assertS3Error(() -> putObjectTags(tags(11)), 400, "BadRequest", "Object tags cannot be greater than 10");
        putBucketTags(tags(50));
        assertS3Error(() -> putBucketTags(tags(51)), 400, "InvalidTag", "Bucket tag count cannot be greater than 50");
        assertThat(s3.getObjectTagging(t -> t.bucket("tags").key("k")).tagSet()).hasSize(10);
    }

    @Test
    void keys_up_to_128_and_values_up_to_256_characters() {
        putObjectTags(List.of(tag("k".repeat(128), "v".repeat(256))));
        assertS3Error(() -> putObjectTags(List.of(tag("k".repeat(129), "v"))), 400, "InvalidTag",
                "The TagKey you have provided is invalid");
        assertS3Error(() -> putObjectTags(List.of(tag("k", "v".repeat(257)))), 400, "InvalidTag",
                "The TagValue you have provided is invalid");
        assertS3Error(() -> putBucketTags(List.of(tag("", "v"))), 400, "InvalidTag",
                "The TagKey you have provided is invalid");
    }

    @Test
    void keys_and_values_take_letters_digits_spaces_and_a_few_signs() {
        putObjectTags(List.of(tag("Ünïcode key 1 +-=._:/@", "välue 2 +-=._:/@")));
        assertS3Error(() -> putObjectTags(List.of(tag("semi;colon", "v"))), 400, "InvalidTag",
                "The TagKey you have provided is invalid");
        assertS3Error(() -> putObjectTags(List.of(tag("k", "star*"))), 400, "InvalidTag",
                "The TagValue you have provided is invalid");
    }

    @Test
    void the_aws_prefix_is_reserved_for_system_tags() {
        assertS3Error(() -> putObjectTags(List.of(tag("aws:team", "v"))), 400, "InvalidTag",
                "Your TagKey cannot be prefixed with aws:");
        assertS3Error(() -> putBucketTags(List.of(tag("aws:cloudformation:stack-name", "v"))), 400, "InvalidTag",
                "System tags cannot be added/updated by requester");
        assertS3Error(() -> s3.putObject(p -> p.bucket("tags").key("h").tagging("aws:x=1"), S3TestSupport.text("x")),
                400, "InvalidTag", "Your TagKey cannot be prefixed with aws:");
    }

    @Test
    void a_key_given_twice_is_refused() {
        assertS3Error(() -> putObjectTags(List.of(tag("dup", "1"), tag("dup", "2"))), 400, "InvalidTag",
                "Cannot provide multiple Tags with the same key");
        assertS3Error(() -> putBucketTags(List.of(tag("dup", "1"), tag("dup", "2"))), 400, "InvalidTag",
                "Cannot provide multiple Tags with the same key");
        assertS3Error(() -> s3.putObject(p -> p.bucket("tags").key("h").tagging("a=1&a=2"), S3TestSupport.text("x")),
                400, "InvalidArgument", "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL"
                        + " query parameters without tag name duplicates.");
    }

    @Test
    void the_tagging_header_sets_tags_on_put_copy_and_multipart_uploads() {
        s3.putObject(p -> p.bucket("tags").key("put").tagging("a=1&b=two%20words"), S3TestSupport.text("x"));
        assertThat(s3.getObjectTagging(t -> t.bucket("tags").key("put")).tagSet())
                .containsExactlyInAnyOrder(tag("a", "1"), tag("b", "two words"));
        s3.copyObject(c -> c.sourceBucket("tags").sourceKey("put").destinationBucket("tags").destinationKey("copy")
                .taggingDirective("REPLACE").tagging("c=3"));
        assertThat(s3.getObjectTagging(t -> t.bucket("tags").key("copy")).tagSet()).containsExactly(tag("c", "3"));
        String id = s3.createMultipartUpload(c -> c.bucket("tags").key("mpu").tagging("d=4&e=5")).uploadId();
        String etag = s3.uploadPart(u -> u.bucket("tags").key("mpu").uploadId(id).partNumber(1),
                S3TestSupport.text("part")).eTag();
        s3.completeMultipartUpload(c -> c.bucket("tags").key("mpu").uploadId(id).multipartUpload(m -> m.parts(p -> p
                .partNumber(1).eTag(etag))));
        assertThat(s3.getObject(g -> g.bucket("tags").key("mpu")).response().tagCount()).isEqualTo(2);
        assertThat(s3.getObject(g -> g.bucket("tags").key("k")).response().tagCount()).isNull();
    }

    @Test
    void tags_belong_to_a_version_and_a_delete_marker_has_none() {
        s3.putBucketVersioning(v -> v.bucket("tags").versioningConfiguration(c -> c.status("Enabled")));
        String first = s3.putObject(p -> p.bucket("tags").key("v").tagging("gen=1"), S3TestSupport.text("1"))
                .versionId();
        s3.putObject(p -> p.bucket("tags").key("v").tagging("gen=2"), S3TestSupport.text("2"));
        assertThat(s3.getObjectTagging(t -> t.bucket("tags").key("v").versionId(first)).tagSet())
                .containsExactly(tag("gen", "1"));
        s3.putObjectTagging(t -> t.bucket("tags").key("v").versionId(first).tagging(g -> g.tagSet(tag("gen", "one"))));
        assertThat(s3.getObjectTagging(t -> t.bucket("tags").key("v")).tagSet()).containsExactly(tag("gen", "2"));
        String marker = s3.deleteObject(d -> d.bucket("tags").key("v")).versionId();
        String allowed = "The specified method is not allowed against this resource.";
        assertS3Error(() -> s3.putObjectTagging(t -> t.bucket("tags").key("v").versionId(marker)
                .tagging(g -> g.tagSet(tag("a", "b")))), 405, "MethodNotAllowed", allowed);
        assertS3Error(() -> s3.getObjectTagging(t -> t.bucket("tags").key("v").versionId(marker)), 405,
                "MethodNotAllowed", allowed);
        assertS3Error(() -> s3.getObjectTagging(t -> t.bucket("tags").key("v")), 404, "NoSuchKey",
                "The specified key does not exist.");
    }
}
