package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjectsV2 and ListObjects: prefixes, delimiters, pages, markers, URL encoding, S3's byte order. */
class ListObjectsTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("listing"));
        for (String key : new String[] {"photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/d.jpg",
            "readme.md", "videos/e.mp4"}) {
            s3.putObject(p -> p.bucket("listing").key(key), S3TestSupport.text(key));
        }
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void delimiter_rolls_keys_into_common_prefixes() {
        ListObjectsV2Response top = s3.listObjectsV2(l -> l.bucket("listing").delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("readme.md");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/", "videos/");
        assertThat(top.keyCount()).isEqualTo(3);

        ListObjectsV2Response photos = s3.listObjectsV2(l -> l.bucket("listing").prefix("photos/").delimiter("/"));
        assertThat(photos.contents()).extracting(S3Object::key).containsExactly("photos/d.jpg");
        assertThat(photos.commonPrefixes()).extracting(CommonPrefix::prefix)
                .containsExactly("photos/2025/", "photos/2026/");
    }

    @Test
    void contents_carry_size_etag_and_storage_class() {
        S3Object readme = s3.listObjectsV2(l -> l.bucket("listing").prefix("readme")).contents().get(0);
        assertThat(readme.size()).isEqualTo(9L);
        assertThat(readme.eTag()).startsWith("\"").endsWith("\"");
        assertThat(readme.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(readme.lastModified()).isEqualTo(stack.clock().now());
    }

    @Test
    void pages_follow_continuation_tokens_and_common_prefixes_count_as_keys() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListObjectsV2Response page = s3.listObjectsV2(l -> l.bucket("listing").delimiter("/").maxKeys(1)
                    .continuationToken(current));
            page.contents().forEach(o -> seen.add(o.key()));
            page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
            assertThat(page.keyCount()).isLessThanOrEqualTo(1);
            token = page.nextContinuationToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("photos/", "readme.md", "videos/");
        assertThat(pages).isEqualTo(3);
        assertThat(s3.listObjectsV2Paginator(l -> l.bucket("listing").maxKeys(2)).contents().stream()
                .map(S3Object::key)).hasSize(6);
    }

    @Test
    void start_after_skips_up_to_and_including_the_key() {
        assertThat(s3.listObjectsV2(l -> l.bucket("listing").startAfter("photos/d.jpg")).contents())
                .extracting(S3Object::key).containsExactly("readme.md", "videos/e.mp4");
    }

    @Test
    void list_objects_v1_pages_by_marker() {
        ListObjectsResponse first = s3.listObjects(l -> l.bucket("listing").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("photos/2025/a.jpg", "photos/2025/b.jpg");
        ListObjectsResponse rest = s3.listObjects(l -> l.bucket("listing").marker("photos/2025/b.jpg"));
        assertThat(rest.contents()).extracting(S3Object::key).containsExactly("photos/2026/c.jpg", "photos/d.jpg",
                "readme.md", "videos/e.mp4");
        assertThat(rest.contents().get(0).owner()).isNotNull();
        ListObjectsResponse delimited = s3.listObjects(l -> l.bucket("listing").delimiter("/").maxKeys(1));
        assertThat(delimited.nextMarker()).isEqualTo("photos/");
    }

    @Test
    void keys_are_in_utf8_byte_order() {
        s3.createBucket(b -> b.bucket("order"));
        // U+FF5E (3 UTF-8 bytes, EF..) sorts before U+1F600 (4 bytes, F0..) in UTF-8, after it in UTF-16.
        for (String key : new String[] {"😀", "～", "a", "Z", "é"}) {
            s3.putObject(p -> p.bucket("order").key(key), S3TestSupport.text("x"));
        }
        assertThat(s3.listObjectsV2(l -> l.bucket("order")).contents()).extracting(S3Object::key)
                .containsExactly("Z", "a", "é", "～", "😀");
    }

    @Test
    void encoding_type_url_encodes_keys_and_the_sdk_decodes_them() throws Exception {
        s3.putObject(p -> p.bucket("listing").key("odd key+\u0001.txt"), S3TestSupport.text("x"));
        ListObjectsV2Response response = s3.listObjectsV2(l -> l.bucket("listing").prefix("odd")
                .encodingType(EncodingType.URL));
        assertThat(response.contents()).extracting(S3Object::key).containsExactly("odd key+\u0001.txt");
        RawHttp.Answer raw = RawHttp.send(stack.port(), "GET", "/listing?list-type=2&prefix=odd&encoding-type=url",
                Map.of(), (byte[]) null);
        assertThat(raw.body()).contains("<Key>odd+key%2B%01.txt</Key>").contains("<EncodingType>url</EncodingType>");
    }
}
