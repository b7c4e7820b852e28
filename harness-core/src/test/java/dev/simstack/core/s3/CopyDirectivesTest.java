package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** CopyObject's metadata and tagging directives and its copy-source conditions, each as S3 applies them. */
class CopyDirectivesTest {

    private static final Instant PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private Stack stack;
    private S3Client s3;
    private String etag;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("docs"));
        etag = s3.putObject(p -> p.bucket("docs").key("source").contentType("text/plain").cacheControl("max-age=5")
                .websiteRedirectLocation("/moved").metadata(Map.of("author", "ada")).tagging("team=core"),
                S3TestSupport.text("original")).eTag();
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private void copy(String target, Consumer<CopyObjectRequest.Builder> more) {
        s3.copyObject(c -> more.accept(c.sourceBucket("docs").sourceKey("source").destinationBucket("docs")
                .destinationKey(target)));
    }

    private Map<String, String> tags(String key) {
        Map<String, String> tags = new java.util.TreeMap<>();
        s3.getObjectTagging(g -> g.bucket("docs").key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @Test
    void the_copy_directive_keeps_the_content_headers_and_metadata_but_not_the_redirect() {
        copy("copy", c -> c.metadataDirective(MetadataDirective.COPY));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("docs").key("copy"));
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.cacheControl()).isEqualTo("max-age=5");
        assertThat(head.metadata()).containsOnly(Map.entry("author", "ada"));
        // "x-amz-website-redirect-location ... is not copied when using the x-amz-metadata-directive header."
        assertThat(head.websiteRedirectLocation()).isNull();
    }

    @Test
    void the_replace_directive_takes_every_header_from_the_request() {
        copy("replaced", c -> c.metadataDirective(MetadataDirective.REPLACE).contentType("text/markdown")
                .metadata(Map.of("reviewer", "bob")).websiteRedirectLocation("https://example.com/"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("docs").key("replaced"));
        assertThat(head.contentType()).isEqualTo("text/markdown");
        assertThat(head.cacheControl()).isNull();
        assertThat(head.metadata()).containsOnly(Map.entry("reviewer", "bob"));
        assertThat(head.websiteRedirectLocation()).isEqualTo("https://example.com/");
    }

    @Test
    void the_tagging_directive_copies_the_source_tags_or_replaces_them() {
        copy("copied-tags", c -> c.taggingDirective(TaggingDirective.COPY).tagging("ignored=yes"));
        assertThat(tags("copied-tags")).containsOnly(Map.entry("team", "core"));
        copy("new-tags", c -> c.taggingDirective(TaggingDirective.REPLACE).tagging("env=test&owner=bob"));
        assertThat(tags("new-tags")).containsOnly(Map.entry("env", "test"), Map.entry("owner", "bob"));
        copy("no-tags", c -> c.taggingDirective(TaggingDirective.REPLACE));
        assertThat(s3.getObjectTagging(g -> g.bucket("docs").key("no-tags")).tagSet()).isEmpty();
        assertThat(tags("source")).containsOnly(Map.entry("team", "core"));
        assertThat(s3.getObjectTagging(g -> g.bucket("docs").key("new-tags")).tagSet())
                .extracting(Tag::key).containsExactlyInAnyOrder("env", "owner");
    }

    @Test
    void an_unknown_directive_is_an_invalid_argument() {
        assertThatThrownBy(() -> copy("x", c -> c.metadataDirective("MERGE")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
    }

    private void assertPreconditionFailed(Consumer<CopyObjectRequest.Builder> condition) {
        assertThatThrownBy(() -> copy("guarded", condition)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("At least one of the pre-conditions you specified did not hold");
        });
    }

    @Test
    void every_failing_copy_source_condition_is_412_and_copies_nothing() {
        assertPreconditionFailed(c -> c.copySourceIfMatch("\"0123\""));
        assertPreconditionFailed(c -> c.copySourceIfNoneMatch(etag));
        assertPreconditionFailed(c -> c.copySourceIfModifiedSince(FUTURE));
        assertPreconditionFailed(c -> c.copySourceIfUnmodifiedSince(PAST));
        assertThat(s3.listObjectsV2(l -> l.bucket("docs")).contents()).extracting(o -> o.key())
                .containsExactly("source");
    }

    @Test
    void holding_copy_source_conditions_copy_and_a_matching_etag_wins_over_a_failing_date() {
        copy("a", c -> c.copySourceIfMatch(etag).copySourceIfUnmodifiedSince(FUTURE));
        copy("b", c -> c.copySourceIfNoneMatch("\"0123\"").copySourceIfModifiedSince(PAST));
        // S3: If-Match true and If-Unmodified-Since false → the copy is made.
        copy("c", c -> c.copySourceIfMatch(etag).copySourceIfUnmodifiedSince(PAST));
        assertThat(s3.listObjectsV2(l -> l.bucket("docs")).contents()).extracting(o -> o.key())
                .containsExactly("a", "b", "c", "source");
    }
}
