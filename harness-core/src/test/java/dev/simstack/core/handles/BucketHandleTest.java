package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.BucketHandle;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code stack.bucket(..)}: keys in listing order, object bytes and counts, after real S3 writes. */
class BucketHandleTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(5).start();
        s3 = HandleClients.s3(stack, Region.US_EAST_1);
        s3.createBucket(b -> b.bucket("receipts"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private void put(String key, String content) {
        s3.putObject(b -> b.bucket("receipts").key(key), RequestBody.fromString(content));
    }

    @Test
    void keys_are_in_list_objects_order_with_nested_prefixes() {
        for (String key : new String[] {"b", "a0", "a/b/c", "a/b", "a-z", "A"}) {
            put(key, key);
        }

        assertThat(stack.bucket("receipts").keys()).containsExactly("A", "a-z", "a/b", "a/b/c", "a0", "b")
                .isEqualTo(s3.listObjectsV2(b -> b.bucket("receipts")).contents().stream()
                        .map(object -> object.key()).toList());
    }

    @Test
    void content_is_the_current_version_bytes() {
        put("2024/01/receipt.json", "{\"total\":1}");
        put("2024/01/receipt.json", "{\"total\":2}");

        BucketHandle receipts = stack.bucket("receipts");

        assertThat(new String(receipts.content("2024/01/receipt.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"total\":2}");
        assertThat(receipts.ref()).isEqualTo(ResourceRef.bucket("us-east-1", "000000000000", "receipts"));
    }

    @Test
    void object_count_drops_after_a_delete_and_the_deleted_key_has_no_content() {
        put("one", "1");
        put("two", "2");
        BucketHandle receipts = stack.bucket("receipts");
        assertThat(receipts.objectCount()).isEqualTo(2);

        s3.deleteObject(b -> b.bucket("receipts").key("one"));

        assertThat(receipts.objectCount()).isEqualTo(1);
        assertThat(receipts.keys()).containsExactly("two");
        assertThatThrownBy(() -> receipts.content("one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no object 'one' in S3 bucket 'receipts' (never written, or deleted); keys()"
                        + " lists the objects there are");
    }

    @Test
    void a_delete_marker_hides_the_key_of_a_versioned_bucket() {
        s3.putBucketVersioning(b -> b.bucket("receipts").versioningConfiguration(v -> v.status("Enabled")));
        put("kept", "v1");
        s3.deleteObject(b -> b.bucket("receipts").key("kept"));

        assertThat(stack.bucket("receipts").keys()).isEmpty();
        assertThat(stack.bucket("receipts").objectCount()).isZero();
    }

    @Test
    void a_handle_on_a_deleted_bucket_says_so_when_read() {
        BucketHandle receipts = stack.bucket("receipts");
        s3.deleteBucket(b -> b.bucket("receipts"));

        assertThatThrownBy(receipts::keys).isInstanceOf(IllegalStateException.class)
                .hasMessage("the S3 bucket 'receipts' in us-east-1 no longer exists: it was deleted (or the stack"
                        + " reset without it) after this handle was taken; the handle reads it again once it is"
                        + " created again");
    }
}
