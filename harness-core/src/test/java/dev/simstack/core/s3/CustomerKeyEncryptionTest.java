package dev.simstack.core.s3;

import static dev.simstack.core.s3.S3TestSupport.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** SSE-C: keys checked as S3 checks them, the key's MD5 kept, reads needing the same key; bytes stored as given. */
class CustomerKeyEncryptionTest {

    private static final String KEY = key((byte) 1);
    private static final String OTHER_KEY = key((byte) 2);

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("vault"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private static String key(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String md5(String base64) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                    .digest(Base64.getDecoder().decode(base64)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putSecret() {
        var put = s3.putObject(p -> p.bucket("vault").key("secret").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
                .sseCustomerKeyMD5(md5(KEY)), S3TestSupport.text("hidden"));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        assertThat(put.serverSideEncryption()).isNull();
    }

    @Test
    void a_read_with_the_same_key_gets_the_bytes_and_the_headers_echoed() {
        putSecret();
        var get = s3.getObjectAsBytes(g -> g.bucket("vault").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)));
        assertThat(get.asUtf8String()).isEqualTo("hidden");
        assertThat(get.response().sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        var head = s3.headObject(h -> h.bucket("vault").key("secret").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
                .sseCustomerKeyMD5(md5(KEY)));
        assertThat(head.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(head.serverSideEncryption()).isNull();
    }

    @Test
    void a_read_without_the_key_or_with_another_is_refused() {
        putSecret();
        assertS3Error(() -> s3.getObject(g -> g.bucket("vault").key("secret")), 400, "InvalidRequest",
                "The object was stored using a form of Server Side Encryption. The correct parameters must be provided"
                        + " to retrieve the object.");
        String otherMd5 = md5(OTHER_KEY);
        assertS3Error(() -> s3.getObject(g -> g.bucket("vault").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(otherMd5)), 403, "AccessDenied",
                "Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret"
                        + " key.");
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("vault").key("secret")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void a_key_on_an_object_without_sse_c_is_refused() {
        s3.putObject(p -> p.bucket("vault").key("plain"), S3TestSupport.text("x"));
        String keyMd5 = md5(KEY);
        assertS3Error(() -> s3.getObject(g -> g.bucket("vault").key("plain").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(keyMd5)), 400, "InvalidRequest",
                "The encryption parameters are not applicable to this object.");
    }

    @Test
    void invalid_keys_get_s3s_messages() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[10]);
        String shortMd5 = md5(shortKey);
        String keyMd5 = md5(KEY);
        RequestBody body = S3TestSupport.text("x");
        assertS3Error(() -> s3.putObject(p -> p.bucket("vault").key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(OTHER_KEY)), body), 400, "InvalidArgument",
                "The calculated MD5 hash of the key did not match the hash that was provided.");
        assertS3Error(() -> s3.putObject(p -> p.bucket("vault").key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(shortKey).sseCustomerKeyMD5(shortMd5), body), 400, "InvalidArgument",
                "The secret key was invalid for the specified algorithm.");
        assertS3Error(() -> s3.putObject(p -> p.bucket("vault").key("k").sseCustomerAlgorithm("AES128")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(keyMd5), body), 400, "InvalidEncryptionAlgorithmError",
                "The Encryption request you specified is not valid. Supported value: AES256.");
        assertS3Error(() -> s3.putObject(p -> p.bucket("vault").key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(keyMd5).serverSideEncryption("AES256"), body), 400,
                "InvalidArgument", "Server Side Encryption with Customer provided key is incompatible with the"
                        + " encryption method specified");
    }

    @Test
    void a_copy_reads_its_source_with_the_source_key_and_writes_with_its_own() {
        putSecret();
        String keyMd5 = md5(KEY);
        String otherMd5 = md5(OTHER_KEY);
        assertS3Error(() -> s3.copyObject(c -> c.sourceBucket("vault").sourceKey("secret").destinationBucket("vault")
                .destinationKey("copy")), 400, "InvalidRequest", "The object was stored using a form of Server Side"
                + " Encryption. The correct parameters must be provided to retrieve the object.");
        var copy = s3.copyObject(c -> c.sourceBucket("vault").sourceKey("secret").destinationBucket("vault")
                .destinationKey("copy").copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY)
                .copySourceSSECustomerKeyMD5(keyMd5).sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_KEY)
                .sseCustomerKeyMD5(otherMd5));
        assertThat(copy.sseCustomerKeyMD5()).isEqualTo(otherMd5);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("vault").key("copy").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(otherMd5)).asUtf8String()).isEqualTo("hidden");
    }

    @Test
    void parts_name_the_key_their_upload_was_created_with() {
        String keyMd5 = md5(KEY);
        String otherMd5 = md5(OTHER_KEY);
        String upload = s3.createMultipartUpload(c -> c.bucket("vault").key("big").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(keyMd5)).uploadId();
        assertS3Error(() -> s3.uploadPart(p -> p.bucket("vault").key("big").uploadId(upload).partNumber(1),
                S3TestSupport.text("x")), 400, "InvalidRequest", "The multipart upload initiate requested encryption."
                + " Subsequent part requests must include the appropriate encryption parameters.");
        assertS3Error(() -> s3.uploadPart(p -> p.bucket("vault").key("big").uploadId(upload).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(otherMd5),
                S3TestSupport.text("x")), 400, "InvalidRequest",
                "The provided encryption parameters did not match the ones used originally.");
        var part = s3.uploadPart(p -> p.bucket("vault").key("big").uploadId(upload).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(keyMd5), S3TestSupport.text("x"));
        assertThat(part.sseCustomerKeyMD5()).isEqualTo(keyMd5);
    }
}
