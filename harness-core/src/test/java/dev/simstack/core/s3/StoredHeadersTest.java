package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Every header a write stores comes back on GetObject and HeadObject, as S3 answers it. */
class StoredHeadersTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-02T03:04:05Z");

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("site"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void every_stored_header_is_answered_by_get_and_head() {
        s3.putObject(p -> p.bucket("site").key("page.html").contentType("text/html").contentEncoding("gzip")
                .contentLanguage("de").contentDisposition("inline").cacheControl("max-age=60").expires(EXPIRES)
                .websiteRedirectLocation("/new/page.html").storageClass(StorageClass.STANDARD_IA),
                S3TestSupport.text("<p/>"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("site").key("page.html"));
        assertThat(head.contentType()).isEqualTo("text/html");
        assertThat(head.contentEncoding()).isEqualTo("gzip");
        assertThat(head.contentLanguage()).isEqualTo("de");
        assertThat(head.contentDisposition()).isEqualTo("inline");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.expires()).isEqualTo(EXPIRES);
        assertThat(head.websiteRedirectLocation()).isEqualTo("/new/page.html");
        assertThat(head.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        GetObjectResponse get = s3.getObjectAsBytes(g -> g.bucket("site").key("page.html")).response();
        assertThat(get.websiteRedirectLocation()).isEqualTo("/new/page.html");
        assertThat(get.contentEncoding()).isEqualTo("gzip");
        assertThat(get.expires()).isEqualTo(EXPIRES);
        assertThat(get.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(get.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void a_standard_object_answers_no_storage_class_and_no_redirect() {
        s3.putObject(p -> p.bucket("site").key("plain"), S3TestSupport.text("x"));
        HeadObjectResponse head = s3.headObject(h -> h.bucket("site").key("plain"));
        assertThat(head.storageClass()).isNull();
        assertThat(head.websiteRedirectLocation()).isNull();
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void an_object_written_without_content_type_is_binary_octet_stream() throws Exception {
        RawHttp.Answer put = RawHttp.send(stack.port(), "PUT", "/site/raw", Map.of(), "bytes");
        assertThat(put.status()).isEqualTo(200);
        assertThat(s3.headObject(h -> h.bucket("site").key("raw")).contentType()).isEqualTo("binary/octet-stream");
    }

    @Test
    void a_website_redirect_must_be_a_path_or_an_http_url() {
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("site").key("k").websiteRedirectLocation("elsewhere"),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRedirectLocation");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The website redirect location must "
                            + "have a prefix of 'http://' or 'https://' or '/'.");
                });
        s3.putObject(p -> p.bucket("site").key("k").websiteRedirectLocation("https://example.com/x"),
                S3TestSupport.text("x"));
    }

    @Test
    void sse_kms_is_echoed_with_the_key_arn_by_put_get_head_and_copy() {
        String key = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        PutObjectResponse put = s3.putObject(p -> p.bucket("site").key("secret")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key).bucketKeyEnabled(true),
                S3TestSupport.text("x"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(key);
        assertThat(put.bucketKeyEnabled()).isTrue();
        HeadObjectResponse head = s3.headObject(h -> h.bucket("site").key("secret"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(key);
        ResponseBytes<GetObjectResponse> get = s3.getObjectAsBytes(g -> g.bucket("site").key("secret"));
        assertThat(get.response().ssekmsKeyId()).isEqualTo(key);
        // A copy takes its encryption from the copy request, never from the source.
        CopyObjectResponse copy = s3.copyObject(c -> c.sourceBucket("site").sourceKey("secret")
                .destinationBucket("site").destinationKey("copy"));
        assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.headObject(h -> h.bucket("site").key("copy")).ssekmsKeyId()).isNull();
    }

    @Test
    void sse_kms_without_a_key_names_the_aws_managed_key_and_a_bare_key_id_becomes_an_arn() {
        s3.putObject(p -> p.bucket("site").key("managed").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                S3TestSupport.text("x"));
        assertThat(s3.headObject(h -> h.bucket("site").key("managed")).ssekmsKeyId())
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/aws/s3");
        s3.putObject(p -> p.bucket("site").key("bare").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("1234abcd"), S3TestSupport.text("x"));
        assertThat(s3.headObject(h -> h.bucket("site").key("bare")).ssekmsKeyId())
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd");
    }

    @Test
    void a_kms_key_needs_aws_kms_and_an_unknown_algorithm_is_refused() {
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("site").key("k").ssekmsKeyId("1234abcd"),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Server Side Encryption with AWS KMS "
                            + "managed key requires HTTP header x-amz-server-side-encryption : aws:kms");
                });
        assertThatThrownBy(() -> s3.putObject(p -> p.bucket("site").key("k").serverSideEncryption("AES512"),
                S3TestSupport.text("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The encryption method specified is not supported");
                });
    }

    @Test
    void response_parameters_override_get_but_not_head() throws Exception {
        s3.putObject(p -> p.bucket("site").key("doc").contentType("text/plain"), S3TestSupport.text("x"));
        GetObjectResponse get = s3.getObjectAsBytes(g -> g.bucket("site").key("doc").responseContentType("text/csv")
                .responseContentEncoding("identity").responseExpires(EXPIRES)).response();
        assertThat(get.contentType()).isEqualTo("text/csv");
        assertThat(get.contentEncoding()).isEqualTo("identity");
        assertThat(get.expires()).isEqualTo(EXPIRES);
        RawHttp.Answer head = RawHttp.send(stack.port(), "HEAD", "/site/doc?response-content-type=text%2Fcsv",
                Map.of(), (byte[]) null);
        assertThat(head.headers()).containsEntry("content-type", "text/plain");
    }
}
