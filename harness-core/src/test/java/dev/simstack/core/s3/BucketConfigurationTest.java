package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Bucket tagging, CORS and policy: stored and answered back (policies are not enforced). */
class BucketConfigurationTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("configured"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void bucket_tags_are_stored_and_deleted() {
        assertThatThrownBy(() -> s3.getBucketTagging(t -> t.bucket("configured")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
                });
        s3.putBucketTagging(t -> t.bucket("configured").tagging(g -> g.tagSet(Tag.builder().key("env").value("test")
                .build())));
        assertThat(s3.getBucketTagging(t -> t.bucket("configured")).tagSet()).extracting(Tag::key)
                .containsExactly("env");
        s3.deleteBucketTagging(t -> t.bucket("configured"));
        assertThatThrownBy(() -> s3.getBucketTagging(t -> t.bucket("configured"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void cors_rules_come_back_as_put() {
        s3.putBucketCors(c -> c.bucket("configured").corsConfiguration(cfg -> cfg.corsRules(CORSRule.builder()
                .id("web").allowedOrigins("https://example.com").allowedMethods("GET", "PUT")
                .allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(600).build())));
        GetBucketCorsResponse cors = s3.getBucketCors(c -> c.bucket("configured"));
        CORSRule rule = cors.corsRules().get(0);
        assertThat(rule.id()).isEqualTo("web");
        assertThat(rule.allowedMethods()).containsExactly("GET", "PUT");
        assertThat(rule.allowedOrigins()).containsExactly("https://example.com");
        assertThat(rule.exposeHeaders()).containsExactly("ETag");
        assertThat(rule.maxAgeSeconds()).isEqualTo(600);
        s3.deleteBucketCors(c -> c.bucket("configured"));
        assertThatThrownBy(() -> s3.getBucketCors(c -> c.bucket("configured")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration"));
    }

    @Test
    void a_cors_rule_with_an_unsupported_method_is_rejected() {
        assertThatThrownBy(() -> s3.putBucketCors(c -> c.bucket("configured").corsConfiguration(cfg -> cfg.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
    }

    @Test
    void a_policy_is_stored_verbatim_and_not_enforced() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::configured/*\"}]}";
        s3.putBucketPolicy(p -> p.bucket("configured").policy(policy));
        assertThat(s3.getBucketPolicy(p -> p.bucket("configured")).policy()).isEqualTo(policy);
        s3.putObject(p -> p.bucket("configured").key("still-allowed"), S3TestSupport.text("x"));
        assertThatThrownBy(() -> s3.putBucketPolicy(p -> p.bucket("configured").policy("not json")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy"));
        s3.deleteBucketPolicy(p -> p.bucket("configured"));
        assertThatThrownBy(() -> s3.getBucketPolicy(p -> p.bucket("configured")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    }
}
