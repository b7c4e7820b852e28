package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The ETag of a multipart object in every case S3 documents: the MD5 of the concatenated binary MD5s of the
 * parts named at completion, then {@code -N}; copied parts count with the MD5 of the bytes they copied, a
 * part uploaded twice with its last upload; and the COMPOSITE checksum made the same way from part checksums.
 */
class MultipartEtagTest {

    private static final int MIB = 1024 * 1024;

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("etags"));
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

    private static byte[] digest(String algorithm, byte[] data) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    /** S3's multipart ETag, computed here from the parts' bytes. */
    private static String expectedEtag(byte[]... parts) throws Exception {
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            md5s.writeBytes(digest("MD5", part));
        }
        return "\"" + HexFormat.of().formatHex(digest("MD5", md5s.toByteArray())) + "-" + parts.length + "\"";
    }

    private CompletedPart upload(String key, String id, int number, byte[] data) {
        String etag = s3.uploadPart(u -> u.bucket("etags").key(key).uploadId(id).partNumber(number),
                RequestBody.fromBytes(data)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private String complete(String key, String id, CompletedPart... parts) {
        return s3.completeMultipartUpload(c -> c.bucket("etags").key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();
    }

    @Test
    void a_single_part_object_still_ends_in_dash_1() throws Exception {
        byte[] only = bytes(10, 1);
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("one")).uploadId();
        assertThat(complete("one", id, upload("one", id, 1, only))).isEqualTo(expectedEtag(only));
        assertThat(s3.headObject(h -> h.bucket("etags").key("one")).eTag()).isEqualTo(expectedEtag(only));
    }

    @Test
    void a_part_uploaded_twice_counts_with_its_last_upload() throws Exception {
        byte[] first = bytes(5 * MIB, 2);
        byte[] replaced = bytes(5 * MIB, 3);
        byte[] last = bytes(100, 4);
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("again")).uploadId();
        upload("again", id, 1, first);
        CompletedPart one = upload("again", id, 1, replaced);
        assertThat(complete("again", id, one, upload("again", id, 2, last))).isEqualTo(expectedEtag(replaced, last));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("etags").key("again")).asByteArray())
                .hasSize(replaced.length + last.length).startsWith(replaced[0], replaced[1]);
    }

    @Test
    void only_the_parts_named_at_completion_count() throws Exception {
        byte[] one = bytes(5 * MIB, 5);
        byte[] three = bytes(7, 6);
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("gaps")).uploadId();
        CompletedPart first = upload("gaps", id, 1, one);
        upload("gaps", id, 2, bytes(5 * MIB, 7));
        CompletedPart third = upload("gaps", id, 3, three);
        assertThat(complete("gaps", id, first, third)).isEqualTo(expectedEtag(one, three));
    }

    @Test
    void a_copied_part_counts_with_the_md5_of_the_range_it_copied() throws Exception {
        byte[] source = bytes(6 * MIB, 8);
        s3.putObject(p -> p.bucket("etags").key("source"), RequestBody.fromBytes(source));
        byte[] head = java.util.Arrays.copyOfRange(source, 0, 5 * MIB);
        byte[] own = bytes(3, 9);
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("mixed")).uploadId();
        String copied = s3.uploadPartCopy(c -> c.sourceBucket("etags").sourceKey("source").destinationBucket("etags")
                .destinationKey("mixed").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)))
                .copyPartResult().eTag();
        assertThat(copied).isEqualTo("\"" + HexFormat.of().formatHex(digest("MD5", head)) + "\"");
        String etag = complete("mixed", id, CompletedPart.builder().partNumber(1).eTag(copied).build(),
                upload("mixed", id, 2, own));
        assertThat(etag).isEqualTo(expectedEtag(head, own));
    }

    @Test
    void a_whole_object_copied_as_a_part_has_the_objects_md5() throws Exception {
        byte[] source = bytes(1000, 10);
        s3.putObject(p -> p.bucket("etags").key("small"), RequestBody.fromBytes(source));
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("whole")).uploadId();
        String copied = s3.uploadPartCopy(c -> c.sourceBucket("etags").sourceKey("small").destinationBucket("etags")
                .destinationKey("whole").uploadId(id).partNumber(1)).copyPartResult().eTag();
        assertThat(complete("whole", id, CompletedPart.builder().partNumber(1).eTag(copied).build()))
                .isEqualTo(expectedEtag(source));
    }

    @Test
    void a_copy_source_range_must_be_first_to_last_inside_the_source() {
        s3.putObject(p -> p.bucket("etags").key("nine"), RequestBody.fromBytes(bytes(9, 11)));
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("ranged")).uploadId();
        for (String range : new String[] {"bytes=0-", "bytes=-3", "bytes=5-2", "0-3", "bytes=0-1,3-4"}) {
            assertThatThrownBy(() -> s3.uploadPartCopy(c -> c.sourceBucket("etags").sourceKey("nine")
                    .destinationBucket("etags").destinationKey("ranged").uploadId(id).partNumber(1)
                    .copySourceRange(range))).as(range).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The x-amz-copy-source-range value"
                                + " must be of the form bytes=first-last where first and last are the zero-based offsets"
                                + " of the first and last bytes to copy");
                    });
        }
        assertThatThrownBy(() -> s3.uploadPartCopy(c -> c.sourceBucket("etags").sourceKey("nine")
                .destinationBucket("etags").destinationKey("ranged").uploadId(id).partNumber(1)
                .copySourceRange("bytes=0-9"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Range specified is not valid for source object of size: 9");
                });
    }

    @Test
    void a_composite_checksum_is_the_checksum_of_the_part_checksums_with_dash_n() throws Exception {
        byte[] one = bytes(5 * MIB, 12);
        byte[] two = bytes(10, 13);
        String id = s3.createMultipartUpload(c -> c.bucket("etags").key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .checksumType(ChecksumType.COMPOSITE)).uploadId();
        List<CompletedPart> parts = new java.util.ArrayList<>();
        for (byte[] data : List.of(one, two)) {
            int number = parts.size() + 1;
            var answer = s3.uploadPart(u -> u.bucket("etags").key("sha").uploadId(id).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(data));
            assertThat(answer.checksumSHA256()).isEqualTo(Base64.getEncoder().encodeToString(digest("SHA-256", data)));
            parts.add(CompletedPart.builder().partNumber(number).eTag(answer.eTag())
                    .checksumSHA256(answer.checksumSHA256()).build());
        }
        var completed = s3.completeMultipartUpload(c -> c.bucket("etags").key("sha").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(digest("SHA-256", one));
        joined.writeBytes(digest("SHA-256", two));
        String composite = Base64.getEncoder().encodeToString(digest("SHA-256", joined.toByteArray())) + "-2";
        assertThat(completed.checksumSHA256()).isEqualTo(composite);
        assertThat(completed.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(completed.eTag()).isEqualTo(expectedEtag(one, two));
        var head = s3.headObject(h -> h.bucket("etags").key("sha").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumSHA256()).isEqualTo(composite);
        assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    }
}
