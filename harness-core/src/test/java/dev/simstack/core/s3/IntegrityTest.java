package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Upload integrity as the SDK 2.40 exercises it: {@code aws-chunked} bodies, signed or unsigned, with a
 * trailing checksum; flexible checksums stored and answered; Content-MD5; and malformed or truncated
 * bodies answered with S3's errors.
 */
class IntegrityTest {

    private static final String CRC32_OF_HELLO_WORLD = "DUoRhQ==";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("integrity"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void the_sdk_default_upload_stores_its_trailing_crc32_and_returns_it() {
        PutObjectResponse put = s3.putObject(p -> p.bucket("integrity").key("hello"), S3TestSupport.text("hello world"));
        assertThat(put.checksumCRC32()).isEqualTo(CRC32_OF_HELLO_WORLD);
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket("integrity").key("hello")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asUtf8String()).isEqualTo("hello world");
        assertThat(got.response().checksumCRC32()).isEqualTo(CRC32_OF_HELLO_WORLD);
    }

    @Test
    void each_flexible_checksum_the_sdk_computes_is_verified_and_stored() {
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.SHA1,
            ChecksumAlgorithm.SHA256}) {
            String key = "with-" + algorithm;
            s3.putObject(p -> p.bucket("integrity").key(key).checksumAlgorithm(algorithm),
                    S3TestSupport.text("payload " + algorithm));
            GetObjectResponse head = s3.getObjectAsBytes(g -> g.bucket("integrity").key(key)
                    .checksumMode(ChecksumMode.ENABLED)).response();
            String stored = switch (algorithm) {
                case CRC32_C -> head.checksumCRC32C();
                case SHA1 -> head.checksumSHA1();
                default -> head.checksumSHA256();
            };
            assertThat(stored).as(key).isNotBlank();
        }
    }

    @Test
    void the_async_client_upload_is_accepted_too() {
        try (S3AsyncClient async = S3TestSupport.asyncClient(stack)) {
            async.putObject(p -> p.bucket("integrity").key("async"), AsyncRequestBody.fromString("hello world")).join();
            assertThat(async.getObject(g -> g.bucket("integrity").key("async").checksumMode(ChecksumMode.ENABLED),
                    AsyncResponseTransformer.toBytes()).join().asUtf8String()).isEqualTo("hello world");
        }
    }

    private static String chunked(String data, String trailer, boolean signed) {
        String signature = signed ? ";chunk-signature=" + "0".repeat(64) : "";
        StringBuilder body = new StringBuilder();
        body.append(Integer.toHexString(data.length())).append(signature).append("\r\n").append(data).append("\r\n");
        body.append("0").append(signature).append("\r\n");
        if (trailer != null) {
            body.append(trailer).append("\r\n");
            if (signed) {
                body.append("x-amz-trailer-signature:").append("0".repeat(64)).append("\r\n");
            }
        }
        return body.append("\r\n").toString();
    }

    private RawHttp.Answer putChunked(String key, String body, String decodedLength, String contentSha) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Encoding", "aws-chunked");
        headers.put("x-amz-content-sha256", contentSha);
        headers.put("x-amz-decoded-content-length", decodedLength);
        headers.put("x-amz-trailer", "x-amz-checksum-crc32");
        return RawHttp.send(stack.port(), "PUT", "/integrity/" + key, headers, body);
    }

    @Test
    void an_unsigned_chunked_body_with_a_trailer_is_decoded() throws Exception {
        RawHttp.Answer answer = putChunked("unsigned", chunked("hello world", "x-amz-checksum-crc32:"
                + CRC32_OF_HELLO_WORLD, false), "11", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("x-amz-checksum-crc32", CRC32_OF_HELLO_WORLD);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("integrity").key("unsigned")).asUtf8String())
                .isEqualTo("hello world");
    }

    @Test
    void a_trailing_checksum_that_does_not_match_is_bad_digest() throws Exception {
        RawHttp.Answer answer = putChunked("corrupt", chunked("hello world", "x-amz-checksum-crc32:AAAAAA==", true),
                "11", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>BadDigest</Code>").contains("CRC32");
        assertThat(RawHttp.send(stack.port(), "HEAD", "/integrity/corrupt", Map.of(), (byte[]) null).status())
                .isEqualTo(404);
    }

    @Test
    void a_missing_trailer_or_short_chunks_are_incomplete_body() throws Exception {
        RawHttp.Answer noTrailer = putChunked("no-trailer", chunked("hello world", null, false), "11",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(noTrailer.body()).contains("<Code>IncompleteBody</Code>");
        RawHttp.Answer wrongLength = putChunked("wrong-length", chunked("hello world", "x-amz-checksum-crc32:"
                + CRC32_OF_HELLO_WORLD, false), "99", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(wrongLength.body()).contains("<Code>IncompleteBody</Code>");
        RawHttp.Answer truncated = putChunked("truncated", "10\r\nonly five", "16",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.body()).contains("<Code>IncompleteBody</Code>");
        RawHttp.Answer garbage = putChunked("garbage", "zz;chunk-signature=1\r\nabc\r\n0\r\n\r\n", "3",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("<Code>InvalidRequest</Code>");
    }

    @Test
    void content_md5_is_checked() throws Exception {
        RawHttp.Answer good = RawHttp.send(stack.port(), "PUT", "/integrity/md5",
                Map.of("Content-MD5", "XrY7u+Ae7tCTyyK7j1rNww=="), "hello world");
        assertThat(good.status()).isEqualTo(200);
        RawHttp.Answer bad = RawHttp.send(stack.port(), "PUT", "/integrity/md5",
                Map.of("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA=="), "hello world");
        assertThat(bad.body()).contains("<Code>BadDigest</Code>");
        RawHttp.Answer invalid = RawHttp.send(stack.port(), "PUT", "/integrity/md5", Map.of("Content-MD5", "nope"),
                "hello world");
        assertThat(invalid.body()).contains("<Code>InvalidDigest</Code>");
    }

    @Test
    void a_crc64nvme_header_is_verified_stored_and_returned() throws Exception {
        RawHttp.Answer put = RawHttp.send(stack.port(), "PUT", "/integrity/nvme",
                Map.of("x-amz-checksum-crc64nvme", "rosUhgp5mIg="), "123456789");
        assertThat(put.status()).isEqualTo(200);
        RawHttp.Answer head = RawHttp.send(stack.port(), "HEAD", "/integrity/nvme",
                Map.of("x-amz-checksum-mode", "ENABLED"), (byte[]) null);
        assertThat(head.headers()).containsEntry("x-amz-checksum-crc64nvme", "rosUhgp5mIg=")
                .containsEntry("content-length", "9");
        RawHttp.Answer wrong = RawHttp.send(stack.port(), "PUT", "/integrity/nvme2",
                Map.of("x-amz-checksum-crc64nvme", "AAAAAAAAAAA="), "123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.body()).contains("<Code>BadDigest</Code>");
    }

    @Test
    void a_body_shorter_than_its_content_length_closes_without_an_object() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(g -> g.bucket("integrity").key("never")))
                .isInstanceOf(S3Exception.class);
    }
}
