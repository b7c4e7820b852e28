package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket default encryption: stored, validated, answered, and applied to the headers of new objects. */
class DefaultEncryptionTest {

    private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("sealed"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private void putDefault(String algorithm, String key, Boolean bucketKey) {
        s3.putBucketEncryption(b -> b.bucket("sealed").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm).kmsMasterKeyID(key))
                .bucketKeyEnabled(bucketKey))));
    }

    private ServerSideEncryptionByDefault stored() {
        return s3.getBucketEncryption(b -> b.bucket("sealed")).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault();
    }

    @Test
    void every_bucket_answers_sse_s3_until_it_is_given_another_default() {
        assertThat(stored().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        putDefault("aws:kms", KEY, true);
        assertThat(stored().sseAlgorithmAsString()).isEqualTo("aws:kms");
        assertThat(stored().kmsMasterKeyID()).isEqualTo(KEY);
        assertThat(s3.getBucketEncryption(b -> b.bucket("sealed")).serverSideEncryptionConfiguration().rules().get(0)
                .bucketKeyEnabled()).isTrue();
        s3.deleteBucketEncryption(b -> b.bucket("sealed"));
        assertThat(stored().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(stored().kmsMasterKeyID()).isNull();
    }

    @Test
    void a_kms_default_is_applied_to_new_objects_that_ask_for_nothing() {
        s3.putObject(p -> p.bucket("sealed").key("before"), S3TestSupport.text("x"));
        putDefault("aws:kms", KEY, true);
        var put = s3.putObject(p -> p.bucket("sealed").key("after"), S3TestSupport.text("x"));
        assertThat(put.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(put.ssekmsKeyId()).isEqualTo(KEY);
        assertThat(put.bucketKeyEnabled()).isTrue();
        var head = s3.headObject(h -> h.bucket("sealed").key("after"));
        assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(head.ssekmsKeyId()).isEqualTo(KEY);
        assertThat(s3.headObject(h -> h.bucket("sealed").key("before")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        var copy = s3.copyObject(c -> c.sourceBucket("sealed").sourceKey("before").destinationBucket("sealed")
                .destinationKey("copied"));
        assertThat(copy.ssekmsKeyId()).isEqualTo(KEY);
        var upload = s3.createMultipartUpload(c -> c.bucket("sealed").key("parts"));
        assertThat(upload.ssekmsKeyId()).isEqualTo(KEY);
    }

    @Test
    void a_write_that_asks_for_encryption_keeps_its_own() {
        putDefault("aws:kms", KEY, null);
        var put = s3.putObject(p -> p.bucket("sealed").key("own").serverSideEncryption(ServerSideEncryption.AES256),
                S3TestSupport.text("x"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(put.ssekmsKeyId()).isNull();
    }

    @Test
    void a_kms_default_without_a_key_names_the_aws_managed_key() {
        putDefault("aws:kms", null, null);
        assertThat(s3.putObject(p -> p.bucket("sealed").key("managed"), S3TestSupport.text("x")).ssekmsKeyId())
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/aws/s3");
    }

    @Test
    void an_unknown_algorithm_or_a_key_without_kms_is_refused() {
        assertThatThrownBy(() -> putDefault("rot13", null, null)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
        });
        assertThatThrownBy(() -> putDefault("AES256", KEY, null)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("a KMSMasterKeyID is not applicable if the default"
                    + " sse algorithm is not aws:kms or aws:kms:dsse");
        });
    }
}
