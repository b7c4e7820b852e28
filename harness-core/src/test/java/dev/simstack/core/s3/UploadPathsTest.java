package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An upload is decoded, hashed and kept as it arrives (in the heap up to 1 MiB, in a scratch file beyond):
 * sizes on both sides of that line, each way a body can come (the SDK's aws-chunked default with a CRC32
 * trailer, a plain body with a checksum header, a body cut into odd chunks), keep their bytes, ETag and
 * checksums; a bad trailer on a large body stores nothing.
 */
class UploadPathsTest {

    private static final int MIB = 1024 * 1024;

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("paths"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, 3 * MIB + 5})
    void the_sdk_default_upload_keeps_bytes_etag_and_crc32_at_any_size(int size) throws Exception {
        byte[] bytes = content(size);
        PutObjectResponse put = s3.putObject(p -> p.bucket("paths").key("k" + size), RequestBody.fromBytes(bytes));
        assertThat(put.eTag()).isEqualTo('"' + md5Hex(bytes) + '"');
        assertThat(put.checksumCRC32()).isEqualTo(crc32(bytes));
        var got = s3.getObjectAsBytes(g -> g.bucket("paths").key("k" + size).checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(bytes);
        assertThat(got.response().checksumCRC32()).isEqualTo(crc32(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {MIB, 2 * MIB + 3})
    void a_sha256_checksum_and_content_md5_are_verified_on_a_large_body(int size) throws Exception {
        byte[] bytes = content(size);
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        PutObjectResponse put = s3.putObject(p -> p.bucket("paths").key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .contentMD5(md5), RequestBody.fromBytes(bytes));
        assertThat(put.checksumSHA256()).isEqualTo(sha256);
        assertThat(put.eTag()).isEqualTo('"' + md5Hex(bytes) + '"');
        RawHttp.Answer wrong = RawHttp.send(stack.port(), "PUT", "/paths/wrong-sha",
                Map.of("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(new byte[32])), bytes);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("<Code>BadDigest</Code>");
    }

    @Test
    void a_large_chunked_body_in_odd_chunks_is_decoded_whole() throws Exception {
        byte[] bytes = content(2 * MIB + 999);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Encoding", "aws-chunked");
        headers.put("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        headers.put("x-amz-decoded-content-length", Integer.toString(bytes.length));
        headers.put("x-amz-trailer", "x-amz-checksum-crc32");
        RawHttp.Answer put = RawHttp.send(stack.port(), "PUT", "/paths/odd", headers,
                chunked(bytes, 7777, "x-amz-checksum-crc32:" + crc32(bytes)));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers()).containsEntry("etag", '"' + md5Hex(bytes) + '"');
        assertThat(s3.getObjectAsBytes(g -> g.bucket("paths").key("odd")).asByteArray()).isEqualTo(bytes);

        RawHttp.Answer corrupt = RawHttp.send(stack.port(), "PUT", "/paths/corrupt", headers,
                chunked(bytes, 65536, "x-amz-checksum-crc32:AAAAAA=="));
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.body()).contains("<Code>BadDigest</Code>");
        assertThat(RawHttp.send(stack.port(), "HEAD", "/paths/corrupt", Map.of(), (byte[]) null).status())
                .isEqualTo(404);
    }

    @Test
    void a_part_gets_its_uploads_checksum_even_when_the_part_request_does_not_name_it() throws Exception {
        String uploadId = s3.createMultipartUpload(c -> c.bucket("paths").key("mp")
                .checksumAlgorithm(ChecksumAlgorithm.SHA1)).uploadId();
        byte[] part = content(5 * MIB + 1);
        RawHttp.Answer answer = RawHttp.send(stack.port(), "PUT",
                "/paths/mp?partNumber=1&uploadId=" + uploadId, Map.of(), part);
        assertThat(answer.status()).isEqualTo(200);
        String sha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(part));
        assertThat(answer.headers()).containsEntry("x-amz-checksum-sha1", sha1)
                .containsEntry("etag", '"' + md5Hex(part) + '"');
    }

    /** {@code bytes} in aws-chunked framing, chunks of {@code chunk} bytes, then the trailer. */
    private static byte[] chunked(byte[] bytes, int chunk, String trailer) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int at = 0; at < bytes.length; at += chunk) {
            int n = Math.min(chunk, bytes.length - at);
            wire.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            wire.write(bytes, at, n);
            wire.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        wire.writeBytes(("0\r\n" + trailer + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return wire.toByteArray();
    }
}
