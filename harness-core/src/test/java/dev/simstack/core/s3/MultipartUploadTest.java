package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The multipart API: create, upload (and copy) parts, list, complete with S3's checks, abort. */
class MultipartUploadTest {

    private static final int MIB = 1024 * 1024;

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("parts"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private String create(String key) {
        return s3.createMultipartUpload(c -> c.bucket("parts").key(key)).uploadId();
    }

    private CompletedPart upload(String key, String uploadId, int number, byte[] data) {
        String etag = s3.uploadPart(u -> u.bucket("parts").key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    @Test
    void completed_upload_joins_parts_with_an_md5_of_md5s_etag() throws Exception {
        byte[] first = bytes(5 * MIB, 1);
        byte[] last = bytes(1000, 2);
        String id = create("joined.bin");
        CompletedPart p1 = upload("joined.bin", id, 1, first);
        CompletedPart p2 = upload("joined.bin", id, 2, last);
        String etag = s3.completeMultipartUpload(c -> c.bucket("parts").key("joined.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p1, p2))).eTag();

        MessageDigest md5s = MessageDigest.getInstance("MD5");
        md5s.update(MessageDigest.getInstance("MD5").digest(first));
        md5s.update(MessageDigest.getInstance("MD5").digest(last));
        assertThat(etag).isEqualTo("\"" + HexFormat.of().formatHex(md5s.digest()) + "-2\"");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(first);
        expected.write(last);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("parts").key("joined.bin")).asByteArray())
                .isEqualTo(expected.toByteArray());
        assertThat(s3.headObject(h -> h.bucket("parts").key("joined.bin").partNumber(2)).partsCount()).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("parts").key("joined.bin").partNumber(2)).asByteArray())
                .isEqualTo(last);
    }

    @Test
    void a_part_below_5_mib_that_is_not_last_is_entity_too_small() {
        String id = create("small");
        CompletedPart p1 = upload("small", id, 1, bytes(1000, 1));
        CompletedPart p2 = upload("small", id, 2, bytes(1000, 2));
        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("parts").key("small").uploadId(id)
                .multipartUpload(m -> m.parts(p1, p2)))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall");
                });
    }

    @Test
    void parts_out_of_order_or_unknown_are_rejected() {
        String id = create("order");
        CompletedPart p1 = upload("order", id, 1, bytes(100, 1));
        CompletedPart p2 = upload("order", id, 2, bytes(100, 2));
        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("parts").key("order").uploadId(id)
                .multipartUpload(m -> m.parts(p2, p1)))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
        CompletedPart wrongEtag = p1.toBuilder().eTag("\"0123\"").build();
        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("parts").key("order").uploadId(id)
                .multipartUpload(m -> m.parts(wrongEtag)))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        CompletedPart missing = CompletedPart.builder().partNumber(7).eTag(p1.eTag()).build();
        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("parts").key("order").uploadId(id)
                .multipartUpload(m -> m.parts(missing)))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
    }

    @Test
    void list_parts_and_list_multipart_uploads_show_what_is_in_progress() {
        String id = create("progress");
        upload("progress", id, 1, bytes(10, 1));
        upload("progress", id, 3, bytes(30, 3));
        upload("progress", id, 1, bytes(11, 9)); // replaces part 1
        ListPartsResponse parts = s3.listParts(l -> l.bucket("parts").key("progress").uploadId(id));
        assertThat(parts.parts()).extracting(Part::partNumber).containsExactly(1, 3);
        assertThat(parts.parts()).extracting(Part::size).containsExactly(11L, 30L);
        ListPartsResponse page = s3.listParts(l -> l.bucket("parts").key("progress").uploadId(id).maxParts(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextPartNumberMarker()).isEqualTo(1);
        String other = create("another");
        assertThat(s3.listMultipartUploads(l -> l.bucket("parts")).uploads()).extracting(u -> u.key() + "/"
                + u.uploadId()).containsExactly("another/" + other, "progress/" + id);
    }

    @Test
    void abort_discards_the_upload() {
        String id = create("aborted");
        upload("aborted", id, 1, bytes(10, 1));
        s3.abortMultipartUpload(a -> a.bucket("parts").key("aborted").uploadId(id));
        assertThatThrownBy(() -> s3.listParts(l -> l.bucket("parts").key("aborted").uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> upload("aborted", id, 2, bytes(10, 2))).isInstanceOf(NoSuchUploadException.class);
        assertThat(s3.listMultipartUploads(l -> l.bucket("parts")).uploads()).isEmpty();
    }

    @Test
    void upload_part_copy_takes_a_byte_range_of_an_object() {
        byte[] source = bytes(6 * MIB, 5);
        s3.putObject(p -> p.bucket("parts").key("source"), RequestBody.fromBytes(source));
        String id = create("copied");
        String etag1 = s3.uploadPartCopy(c -> c.sourceBucket("parts").sourceKey("source").destinationBucket("parts")
                .destinationKey("copied").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)))
                .copyPartResult().eTag();
        String etag2 = s3.uploadPartCopy(c -> c.sourceBucket("parts").sourceKey("source").destinationBucket("parts")
                .destinationKey("copied").uploadId(id).partNumber(2).copySourceRange("bytes=" + 5 * MIB + "-"
                        + (6 * MIB - 1))).copyPartResult().eTag();
        s3.completeMultipartUpload(c -> c.bucket("parts").key("copied").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("parts").key("copied")).asByteArray()).isEqualTo(source);
    }

    @Test
    void a_crc32_upload_gets_a_composite_checksum() {
        String id = s3.createMultipartUpload(c -> c.bucket("parts").key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC32))
                .uploadId();
        String crc = s3.uploadPart(u -> u.bucket("parts").key("crc").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes(100, 1))).checksumCRC32();
        assertThat(crc).isNotBlank();
        String etag = s3.listParts(l -> l.bucket("parts").key("crc").uploadId(id)).parts().get(0).eTag();
        String total = s3.completeMultipartUpload(c -> c.bucket("parts").key("crc").uploadId(id)
                .multipartUpload(m -> m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(etag)
                        .checksumCRC32(crc).build())))).checksumCRC32();
        assertThat(total).endsWith("-1");
    }
}
